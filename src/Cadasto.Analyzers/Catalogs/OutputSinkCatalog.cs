using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>Where a CDS1005 output sink writes, which its message names.</summary>
internal enum OutputTarget
{
    /// <summary>A log (<c>ILogger</c> and its extension methods).</summary>
    Log,

    /// <summary>The console (<c>Console.Write…</c>).</summary>
    Console,

    /// <summary>The debug output (<c>Debug</c>, <c>Trace</c>).</summary>
    DebugOutput,

    /// <summary>A <c>TextWriter</c>: the console only when it is <c>Console.Out</c> or <c>Console.Error</c>, which the rule checks.</summary>
    ConsoleStream,

    /// <summary>A <c>StringBuilder</c>: the text a <c>ToString</c> override returns, only inside one, which the rule checks.</summary>
    ToStringBuilder,
}

/// <summary>
/// CDS1005's output sinks, as data: the methods that write their arguments somewhere people read. A member name
/// ending with <c>*</c> stands for every member of the type whose name starts with what precedes it (<c>Write*</c>:
/// <c>Write</c>, <c>WriteLine</c>, <c>WriteIf</c>, <c>WriteLineAsync</c>…). <c>[LoggerMessage]</c> methods are known by
/// their attribute, not by a member, so the rule asks for that itself.
/// </summary>
internal static class OutputSinkCatalog
{
    private const string Logging = "Microsoft.Extensions.Logging.";

    public static readonly ImmutableArray<OutputSink> Members = ImmutableArray.Create(
        new OutputSink(Logging + "LoggerExtensions", "Log*", SinkKind.MethodArgument, Meaning: OutputTarget.Log),

        // logger.BeginScope("… {Secret}", secret): a scope's state is written with every entry inside it.
        new OutputSink(Logging + "LoggerExtensions", "BeginScope", SinkKind.MethodArgument, Meaning: OutputTarget.Log),
        new OutputSink(Logging + "ILogger", "Log", SinkKind.MethodArgument, Meaning: OutputTarget.Log),
        new OutputSink(Logging + "ILogger", "BeginScope", SinkKind.MethodArgument, Meaning: OutputTarget.Log),
        new OutputSink("System.Console", "Write*", SinkKind.MethodArgument, Meaning: OutputTarget.Console),
        new OutputSink("System.Diagnostics.Debug", "Write*", SinkKind.MethodArgument, Meaning: OutputTarget.DebugOutput),
        new OutputSink("System.Diagnostics.Debug", "Print", SinkKind.MethodArgument, Meaning: OutputTarget.DebugOutput),
        new OutputSink("System.Diagnostics.Trace", "Write*", SinkKind.MethodArgument, Meaning: OutputTarget.DebugOutput),
        new OutputSink("System.Diagnostics.Trace", "Trace*", SinkKind.MethodArgument, Meaning: OutputTarget.DebugOutput),

        // Console.Out.WriteLine(…), Console.Error.Write(…)
        new OutputSink("System.IO.TextWriter", "Write*", SinkKind.MethodArgument, Meaning: OutputTarget.ConsoleStream),

        // Inside a ToString override: builder.Append(secret) writes into the text ToString returns.
        new OutputSink("System.Text.StringBuilder", "Append", SinkKind.MethodArgument, Meaning: OutputTarget.ToStringBuilder),
        new OutputSink("System.Text.StringBuilder", "AppendLine", SinkKind.MethodArgument, Meaning: OutputTarget.ToStringBuilder),
        new OutputSink("System.Text.StringBuilder", "AppendFormat", SinkKind.MethodArgument, Meaning: OutputTarget.ToStringBuilder),
        new OutputSink("System.Text.StringBuilder", "Insert", SinkKind.MethodArgument, Meaning: OutputTarget.ToStringBuilder));

    /// <summary>How CDS1005's message names the output.</summary>
    public static string Describe(OutputTarget kind) => kind switch
    {
        OutputTarget.Log => "a log",
        OutputTarget.DebugOutput => "the debug output",
        OutputTarget.ToStringBuilder => "ToString",
        _ => "the console",
    };
}
