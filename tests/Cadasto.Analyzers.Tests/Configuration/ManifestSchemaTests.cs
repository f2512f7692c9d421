using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cadasto.Analyzers.Configuration;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using Json.Schema;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Analyzers.Tests.Configuration;

/// <summary>
/// The schema the package ships (<c>schema/cadasto.schema.json</c>) and the manifest parser must agree:
/// what the parser accepts without a CDS900x finding the schema accepts, and what it flags the schema
/// rejects. A real JSON Schema validator (draft 2020-12) checks the documents.
/// </summary>
public sealed class ManifestSchemaTests
{
    private static readonly string RepositoryRoot = typeof(ManifestSchemaTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static string SchemaPath => Path.Combine(RepositoryRoot, "schema", "cadasto.schema.json");

    private const string Head = """
        "application": "a", "contact": { "name": "Jane Doe", "email": "jane@example.com" },
        """;

    /// <summary>Manifests the parser accepts with no CDS900x finding.</summary>
    public static TheoryData<string, string> Valid => new()
    {
        { "spec example", ManifestParserTests.SpecExample },
        { "public spa", "{" + Head + """
            "clientType": "public", "flows": ["authorization_code", "refresh_token"], "scopes": ["api.read"],
            "environments": { "production": { "clientId": "c", "authority": "https://auth.cadasto.example",
              "redirectUris": ["https://app.example.com/callback"], "allowedOrigins": ["https://app.example.com"] } } }
            """ },
        { "confidential, every store", "{" + Head + """
            "clientType": "confidential", "flows": ["client_credentials"],
            "environments": {
              "Development": { "clientId": "c0" },
              "test": { "clientId": "c1", "secret": { "store": "environment", "name": "CADASTO_CLIENT_SECRET" } },
              "ci": { "clientId": "c2", "secret": { "store": "configuration", "key": "Cadasto:ClientSecret" } },
              "staging": { "clientId": "c3", "secret": { "store": "file", "path": "/run/secrets/cadasto" } },
              "production": { "clientId": "c4", "secret": { "store": "azure-key-vault", "vault": "https://v.vault.azure.net/", "name": "cadasto" } } } }
            """ },
        { "no client type, interactive", "{" + Head + """
            "flows": ["authorization_code", "device_code"], "environments": { "production": { "clientId": "c" } } }
            """ },
        { "rotation period", "{" + Head + "\"rotation\": { \"maxAgeDays\": 90 }, \"environments\": { \"development\": { \"clientId\": \"c\" } } }" },
        { "with $schema", "{ \"$schema\": \"https://raw.githubusercontent.com/cadasto/Cadasto.Analyzers/main/schema/cadasto.schema.json\", " + Head + """
            "environments": { "development": { "clientId": "c" } } }
            """ },
    };

    /// <summary>Manifests the parser flags (CDS9001, CDS9002 or CDS9003).</summary>
    public static TheoryData<string, string> Invalid => new()
    {
        { "missing application", """{ "contact": { "email": "j@example.com" }, "environments": { "development": { "clientId": "c" } } }""" },
        { "missing contact", """{ "application": "a", "environments": { "development": { "clientId": "c" } } }""" },
        { "missing environments", "{" + Head.TrimEnd().TrimEnd(',') + "}" },
        { "empty environments", "{" + Head + "\"environments\": { } }" },
        { "missing clientId", "{" + Head + "\"environments\": { \"development\": { } } }" },
        { "unknown flow", "{" + Head + "\"flows\": [\"implicit\"], \"environments\": { \"development\": { \"clientId\": \"c\" } } }" },
        { "unknown client type", "{" + Head + "\"clientType\": \"spa\", \"environments\": { \"development\": { \"clientId\": \"c\" } } }" },
        { "flows not an array", "{" + Head + "\"flows\": \"client_credentials\", \"environments\": { \"development\": { \"clientId\": \"c\" } } }" },
        { "unknown store", "{" + Head + "\"environments\": { \"production\": { \"clientId\": \"c\", \"secret\": { \"store\": \"vault\", \"name\": \"x\" } } } }" },
        { "store lacks its field", "{" + Head + "\"environments\": { \"production\": { \"clientId\": \"c\", \"secret\": { \"store\": \"azure-key-vault\", \"name\": \"x\" } } } }" },
        { "confidential production without secret", "{" + Head + "\"clientType\": \"confidential\", \"environments\": { \"production\": { \"clientId\": \"c\" } } }" },
        { "client credentials production without secret", "{" + Head + "\"flows\": [\"client_credentials\"], \"environments\": { \"production\": { \"clientId\": \"c\" } } }" },
        { "public with secret", "{" + Head + "\"clientType\": \"public\", \"environments\": { \"production\": { \"clientId\": \"c\", \"secret\": { \"store\": \"environment\", \"name\": \"X\" } } } }" },
        { "public with client credentials", "{" + Head + "\"clientType\": \"public\", \"flows\": [\"client_credentials\"], \"environments\": { \"development\": { \"clientId\": \"c\" } } }" },
        { "authority not a URI", "{" + Head + "\"environments\": { \"development\": { \"clientId\": \"c\", \"authority\": \"auth.cadasto.example\" } } }" },
        { "origin with a path", "{" + Head + "\"environments\": { \"development\": { \"clientId\": \"c\", \"allowedOrigins\": [\"https://app.example.com/app\"] } } }" },
        { "rotation period of zero days", "{" + Head + "\"rotation\": { \"maxAgeDays\": 0 }, \"environments\": { \"development\": { \"clientId\": \"c\" } } }" },
        { "rotation period as text", "{" + Head + "\"rotation\": { \"maxAgeDays\": \"90\" }, \"environments\": { \"development\": { \"clientId\": \"c\" } } }" },
        { "root is an array", "[]" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ManifestTheParserAccepts_ShouldPassTheSchema(string name, string json)
    {
        Assert.Empty(ManifestParser.Parse("cadasto.json", SourceText.From(json)).Diagnostics);
        var result = Schema.Value.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, name + ": " + string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + " " + e.Value))));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void ManifestTheParserFlags_ShouldFailTheSchema(string name, string json)
    {
        Assert.NotEmpty(ManifestParser.Parse("cadasto.json", SourceText.From(json)).Diagnostics);
        var result = Schema.Value.Evaluate(JsonNode.Parse(json), new EvaluationOptions { RequireFormatValidation = true });
        Assert.False(result.IsValid, name);
    }

    [Fact]
    public void SchemaEnums_ShouldBeTheParsersVocabulary()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var flows = schema["$defs"]!["flow"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var stores = schema["$defs"]!["secret"]!["properties"]!["store"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var clientTypes = schema["properties"]!["clientType"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var required = schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

        Assert.Equal(
            Enum.GetValues<OAuthFlow>().Where(f => f != OAuthFlow.Unknown).Select(ManifestVocabulary.FlowName).OrderBy(x => x),
            flows.OrderBy(x => x));
        Assert.All(flows, f => Assert.NotEqual(OAuthFlow.Unknown, ManifestVocabulary.ParseFlow(f)));
        Assert.Equal(
            Enum.GetValues<SecretStoreKind>().Where(s => s != SecretStoreKind.Unknown).Select(ManifestVocabulary.StoreName).OrderBy(x => x),
            stores.OrderBy(x => x));
        Assert.Equal(new[] { "confidential", "public" }, clientTypes.OrderBy(x => x));
        Assert.Equal(new[] { "application", "contact", "environments" }, required.OrderBy(x => x));
    }

    [Fact]
    public void ReadmeManifestExample_ShouldPassTheSchemaAndNameIt()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        var section = readme.Substring(readme.IndexOf("## The manifest", StringComparison.Ordinal));
        var json = Regex.Match(section, "```json\\s*\\n(.*?)\\n```", RegexOptions.Singleline).Groups[1].Value;
        var schemaId = JsonNode.Parse(File.ReadAllText(SchemaPath))!["$id"]!.GetValue<string>();

        Assert.Equal(schemaId, JsonNode.Parse(json)!["$schema"]!.GetValue<string>());
        Assert.True(Schema.Value.Evaluate(JsonNode.Parse(json), new EvaluationOptions { RequireFormatValidation = true }).IsValid);
        Assert.Empty(ManifestParser.Parse("cadasto.json", SourceText.From(json)).Diagnostics);
    }

    [Fact]
    public void PackageProject_ShouldPackTheSchema()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "Cadasto.Analyzers.Package", "Cadasto.Analyzers.Package.csproj"));

        Assert.Matches("Include=\"\\$\\(RepositoryRoot\\)schema/cadasto.schema.json\" Pack=\"true\"", project);
    }
}
