namespace Connector.TestPlugin.Helper;

/// <summary>The file name a record is kept under: its key with every character a file name cannot hold replaced.</summary>
public static class RecordFileName
{
    public static string For(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var invalid = Path.GetInvalidFileNameChars();
        return new string(key.Select(c => invalid.Contains(c) || c == '|' ? '_' : c).ToArray()) + ".json";
    }
}
