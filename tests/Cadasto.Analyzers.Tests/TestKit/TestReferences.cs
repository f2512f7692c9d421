using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Cadasto.Analyzers.Tests.TestKit;

/// <summary>
/// Everything test sources compile against, offline: the .NET and ASP.NET Core reference packs of
/// the installed SDK, and the OAuth client libraries this test project restored (with whatever of
/// their dependencies sits in the output folder). Nothing is downloaded while tests run.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Load);

    /// <summary>No reference package: the Testing library would download one. We bring our own.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    /// <summary>
    /// <see cref="All"/> plus the runtime library (<c>SecretValue</c>). Kept apart: the generator emits only in
    /// projects that reference it, and its tests need compilations without it.
    /// </summary>
    public static ImmutableArray<MetadataReference> WithRuntime => LazyWithRuntime.Value;

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyWithRuntime = new(() =>
        All.Add(MetadataReference.CreateFromFile(typeof(Cadasto.Credentials.SecretValue).Assembly.Location)));

    /// <summary>
    /// xUnit, for sources that are test code. Kept out of <see cref="All"/>: a reference to a test framework makes a
    /// compilation a test project, where the secret rules judge sentinels differently.
    /// </summary>
    public static ImmutableArray<MetadataReference> TestFramework => LazyTestFramework.Value;

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyTestFramework = new(() =>
        new[] { typeof(Xunit.Assert), typeof(Xunit.FactAttribute), typeof(Xunit.Abstractions.ITestOutputHelper) }
            .Select(t => t.Assembly.Location)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>The assembly of a type that test code uses, and the libraries it needs, from the output folder.</summary>
    private static readonly Type[] OAuthLibraryAnchors =
    {
        typeof(Microsoft.Identity.Client.ConfidentialClientApplicationBuilder),
        typeof(Duende.IdentityModel.Client.ClientCredentialsTokenRequest),
        typeof(Duende.IdentityModel.OidcClient.OidcClientOptions),
        typeof(Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions),
        typeof(Microsoft.Identity.Web.MicrosoftIdentityOptions),
        typeof(Microsoft.Identity.Web.MicrosoftIdentityWebAppAuthenticationBuilderExtensions),
        typeof(Microsoft.Identity.Abstractions.CredentialDescription),
        typeof(OpenIddict.Client.OpenIddictClientRegistration),
        typeof(Microsoft.AspNetCore.Components.WebAssembly.Authentication.OidcProviderOptions),
        typeof(OpenIddict.Abstractions.OpenIddictApplicationDescriptor),
        typeof(IdentityModel.Client.ClientCredentialsTokenRequest),
        typeof(Azure.Identity.ClientSecretCredential),
        typeof(Swashbuckle.AspNetCore.SwaggerUI.SwaggerUIOptions),
        typeof(Microsoft.Extensions.Logging.ILogger),
        typeof(Microsoft.Extensions.Options.IOptions<>),
    };

    private static ImmutableArray<MetadataReference> Load()
    {
        var dotnetRoot = FindDotnetRoot();
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            foreach (var dll in Directory.EnumerateFiles(NewestPackFolder(dotnetRoot, pack), "*.dll"))
            {
                paths.TryAdd(Path.GetFileNameWithoutExtension(dll), dll);
            }
        }

        var outputFolder = AppContext.BaseDirectory;
        var pending = new Stack<string>(OAuthLibraryAnchors.Select(t => t.Assembly.Location));
        while (pending.Count > 0)
        {
            var path = pending.Pop();
            var name = Path.GetFileNameWithoutExtension(path);
            if (paths.ContainsKey(name))
            {
                continue;
            }

            paths[name] = path;
            foreach (var dependency in DependenciesOf(path))
            {
                var candidate = Path.Combine(outputFolder, dependency + ".dll");
                if (File.Exists(candidate) && !paths.ContainsKey(dependency))
                {
                    pending.Push(candidate);
                }
            }
        }

        return paths.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static IEnumerable<string> DependenciesOf(string path)
    {
        using var stream = File.OpenRead(path);
        using var peReader = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(peReader);
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }

    private static string FindDotnetRoot()
    {
        // The running runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Path.GetFullPath(Path.Combine(runtimeFolder, "..", "..", ".."));
    }

    private static string NewestPackFolder(string dotnetRoot, string pack)
    {
        var packRoot = Path.Combine(dotnetRoot, "packs", pack);
        var newest = Directory.EnumerateDirectories(packRoot)
            .Select(d => (Folder: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)))
            .OrderByDescending(d => d.Version)
            .First().Folder;
        var refFolder = Directory.EnumerateDirectories(Path.Combine(newest, "ref")).OrderByDescending(d => d, StringComparer.Ordinal).First();
        return refFolder;
    }
}
