namespace Connector.OracleEmulator;

/// <summary>The setup of the pod's identity domain: OAuth clients allowed the client-credentials grant, token lifetime.</summary>
public sealed partial record EmulatorSetup
{
    public const string DefaultOAuthClientId = "connector-client";
    public const string DefaultOAuthClientSecret = "connector-client-secret";

    /// <summary>Confidential applications: client id to client secret.</summary>
    public IReadOnlyDictionary<string, string> OAuthClients { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { [DefaultOAuthClientId] = DefaultOAuthClientSecret };

    /// <summary>How long an issued access token is accepted (<c>expires_in</c>).</summary>
    public TimeSpan OAuthTokenLifetime { get; init; } = TimeSpan.FromHours(1);
}
