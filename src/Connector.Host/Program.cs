using System.Text;
using Connector.Host.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await ConnectorCli.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
