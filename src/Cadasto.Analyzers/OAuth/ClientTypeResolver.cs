using System;
using System.Collections.Immutable;
using Cadasto.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.OAuth;

/// <summary>
/// Decides the client type of a compilation, once: the manifest's <c>clientType</c> first, then
/// <c>cadasto_client_type</c> in <c>.editorconfig</c>/<c>.globalconfig</c>, then what the build says
/// about the project (the table below). A console app with nothing else is <see cref="ClientType.Unknown"/>.
/// </summary>
internal static class ClientTypeResolver
{
    /// <summary>How a build property shows the kind of project, as data: the first row that matches decides.</summary>
    private static readonly ImmutableArray<BuildSignal> BuildSignals = ImmutableArray.Create(
        // Public: the code runs on the user's device.
        new BuildSignal("_SupportedPlatformList", Contains("browser"), ClientType.Public, "Blazor WebAssembly"),
        new BuildSignal("UsingMicrosoftNETSdkBlazorWebAssembly", IsTrue, ClientType.Public, "Blazor WebAssembly"),
        new BuildSignal("RuntimeIdentifier", v => v.StartsWith("browser-", StringComparison.OrdinalIgnoreCase), ClientType.Public, "Blazor WebAssembly"),
        new BuildSignal("TargetFramework", EndsWithAny("-android", "-ios", "-maccatalyst", "-tvos"), ClientType.Public, "a mobile app"),
        new BuildSignal("UseMaui", IsTrue, ClientType.Public, "a MAUI app"),
        new BuildSignal("UseWPF", IsTrue, ClientType.Public, "a WPF app"),
        new BuildSignal("UseWindowsForms", IsTrue, ClientType.Public, "a Windows Forms app"),
        new BuildSignal("UseWinUI", IsTrue, ClientType.Public, "a WinUI app"),
        new BuildSignal("OutputType", v => string.Equals(v, "WinExe", StringComparison.OrdinalIgnoreCase), ClientType.Public, "a desktop app"),
        // Confidential: the code runs on a server.
        new BuildSignal("UsingMicrosoftNETSdkWeb", IsTrue, ClientType.Confidential, "an ASP.NET Core app"),
        new BuildSignal("UsingMicrosoftNETSdkWorker", IsTrue, ClientType.Confidential, "a worker service"));

    /// <summary>The MSBuild properties read here that the compiler does not pass by default (the package props declare them).</summary>
    public static readonly ImmutableArray<string> PropertiesNeedingDeclaration = ImmutableArray.Create(
        "UsingMicrosoftNETSdkBlazorWebAssembly", "RuntimeIdentifier", "UseMaui", "UseWPF", "UseWindowsForms", "UseWinUI", "OutputType", "UsingMicrosoftNETSdkWorker");

    /// <summary>
    /// The client type of the compilation; <paramref name="manifestClientType"/> is the manifest's <c>clientType</c>
    /// and <paramref name="configuredClientType"/> the <c>cadasto_client_type</c> option, if any.
    /// </summary>
    public static ClientTypeInfo Resolve(AnalyzerOptions options, string? manifestClientType, string? configuredClientType, string manifestFileName = CadastoOptions.DefaultManifestFileName)
    {
        if (Parse(manifestClientType) is { } fromManifest)
        {
            return new ClientTypeInfo(fromManifest, manifestFileName);
        }

        if (Parse(configuredClientType) is { } configured)
        {
            return new ClientTypeInfo(configured, CadastoOptions.ClientType);
        }

        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        foreach (var signal in BuildSignals)
        {
            if (CadastoOptions.GetBuildProperty(global, signal.Property) is { } value && signal.Matches(value))
            {
                return new ClientTypeInfo(signal.Type, signal.Reason);
            }
        }

        return ClientTypeInfo.Unknown;
    }

    /// <summary><c>public</c> or <c>confidential</c> (any case); anything else is no answer.</summary>
    public static ClientType? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "public" => ClientType.Public,
        "confidential" => ClientType.Confidential,
        _ => null,
    };

    private static bool IsTrue(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static Func<string, bool> Contains(string item) =>
        value => Array.Exists(value.Split(';', ','), part => string.Equals(part.Trim(), item, StringComparison.OrdinalIgnoreCase));

    private static Func<string, bool> EndsWithAny(params string[] suffixes) =>
        value =>
        {
            // net9.0-android35.0: the platform may carry a version.
            var dash = value.LastIndexOf('-');
            if (dash < 0)
            {
                return false;
            }

            var platform = value.Substring(dash).TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.');
            return Array.Exists(suffixes, s => string.Equals(platform, s, StringComparison.OrdinalIgnoreCase));
        };

    private sealed record BuildSignal(string Property, Func<string, bool> Matches, ClientType Type, string Reason);
}
