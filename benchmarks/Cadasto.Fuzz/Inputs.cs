using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Cadasto.Fuzz;

internal enum InputKind
{
    Manifest,
    CSharp,
    AppSettings,
}

/// <summary>One fuzz input: the files of a small project (paths relative to its folder) and the secrets planted in them.</summary>
internal sealed class FuzzInput
{
    public required InputKind Kind { get; init; }

    public required int Index { get; init; }

    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public List<Planted> Secrets { get; } = new();

    public List<string> Mutations { get; } = new();

    public string Name => $"{Kind.ToString().ToLowerInvariant()}-{Index.ToString("D5", CultureInfo.InvariantCulture)}";

    /// <summary>The planted secrets whose context survived the mutations: these must never be printed.</summary>
    public IReadOnlyList<string> LiveSecrets()
    {
        var texts = Files.Values.Select(Mutators.Decode).ToList();
        return Secrets.Where(s => texts.Any(t => s.Context.IsMatch(t))).Select(s => s.Value).Distinct(StringComparer.Ordinal).ToList();
    }
}

/// <summary>Builds the seeded inputs: a valid base with planted secrets, then one to four mutations.</summary>
internal static class Inputs
{
    public const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <RootNamespace>FuzzApp</RootNamespace>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Cadasto.Credentials" Version="0.1.0" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Code that uses the generated API, so that the generated source is compiled and bound.</summary>
    private const string ManifestProgram = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCadastoCredentials(builder.Configuration, builder.Environment);
        var app = builder.Build();
        app.Run();
        """;

    public static FuzzInput Create(InputKind kind, int index, int seed)
    {
        // One generator per input, from the seed and the input's place: any input can be rebuilt alone.
        var random = new Random(unchecked((seed * 1_000_003) + ((int)kind * 7_919_999) + index));
        var m = new Mutators(random);
        var input = new FuzzInput { Kind = kind, Index = index };
        input.Files["App.csproj"] = Encoding.UTF8.GetBytes(ProjectFile);
        switch (kind)
        {
            case InputKind.Manifest:
                input.Files["Program.cs"] = Encoding.UTF8.GetBytes(ManifestProgram);
                input.Files["cadasto.json"] = MutatedJson(m, Manifest(m, input.Secrets), input);
                break;
            case InputKind.AppSettings:
                input.Files["Program.cs"] = Encoding.UTF8.GetBytes(ManifestProgram);
                input.Files["cadasto.json"] = Encoding.UTF8.GetBytes(JsonText.Write(Manifest(m, input.Secrets), indented: true));
                input.Files[m.Pick(new[] { "appsettings.json", "appsettings.Development.json", "config/appsettings.Production.json" })] =
                    MutatedJson(m, AppSettings(m, input.Secrets), input);
                break;
            default:
                input.Files["cadasto.json"] = Encoding.UTF8.GetBytes(JsonText.Write(Manifest(m, input.Secrets), indented: true));
                var code = Encoding.UTF8.GetBytes(MutatedCode(m, input));
                for (var i = m.Random.Next(0, 3); i > 0; i--)
                {
                    input.Mutations.Add(m.MutateBytes(ref code, csharp: true));
                }

                input.Files["Program.cs"] = code;
                break;
        }

        return input;
    }

    private static byte[] MutatedJson(Mutators m, J tree, FuzzInput input)
    {
        for (var i = m.Random.Next(0, 4); i > 0; i--)
        {
            input.Mutations.Add(m.MutateTree(tree, input.Secrets));
        }

        var bytes = Encoding.UTF8.GetBytes(JsonText.Write(tree, m.Chance(0.5)));
        for (var i = m.Chance(0.4) ? m.Random.Next(1, 3) : 0; i > 0; i--)
        {
            input.Mutations.Add(m.MutateBytes(ref bytes, csharp: false));
        }

        return bytes;
    }

    private static Regex KeyContext(string key, string secret) =>
        new("\"" + Regex.Escape(key) + "\"\\s*:\\s*\"" + Regex.Escape(secret) + "\"", RegexOptions.CultureInvariant);

    public static J Manifest(Mutators m, List<Planted> secrets)
    {
        var flows = new[] { "client_credentials", "authorization_code", "refresh_token", "device_code" }.Where(_ => m.Chance(0.5)).ToList();
        if (m.Chance(0.1))
        {
            flows.Add(m.Pick(new[] { "implicit", "password", "client-credentials", "" }));
        }

        var scopes = new[] { "api.read", "api.write", "invoices.read", "openid", "offline_access" }.Where(_ => m.Chance(0.5)).ToArray();
        var root = new JObj()
            .Add("application", new JStr(m.Pick(new[] { "invoice-sync", "portal", "a", "Ünïcode app", "x y z" })))
            .Add("description", new JStr(m.Pick(new[] { "Nightly export", "Line one\nLine two", "Desc: \u202Eevil", string.Empty })))
            .Add("contact", new JObj().Add("name", new JStr("Jane Doe")).Add("email", new JStr("jane@example.com")).Add("slack", new JStr("#billing")));
        if (m.Chance(0.7))
        {
            root.Add("clientType", new JStr(m.Pick(new[] { "confidential", "confidential", "public", "unknown" })));
        }

        root.Add("flows", new JArr(flows.Select(f => (J)new JStr(f)).ToArray()));
        root.Add("scopes", new JArr(scopes.Select(s => (J)new JStr(s)).ToArray()));
        if (m.Chance(0.3))
        {
            root.Add("rotation", new JObj().Add("maxAgeDays", new JRaw(m.Pick(new[] { "90", "0", "-1", "99999999999" }))));
        }

        var environments = new JObj();
        var names = new List<string> { "development", "production" };
        if (m.Chance(0.5))
        {
            names.Add("staging");
        }

        if (m.Chance(0.3))
        {
            names.Add(m.EnvironmentName());
        }

        foreach (var name in names)
        {
            var environment = new JObj().Add("clientId", new JStr(m.Pick(new[] { "cad-" + name, "REPLACE_ME", "<client-id>", "cad-x" })));
            environment.Add("authority", new JStr(m.Chance(0.25) ? m.UserInfoUri(secrets, "auth.example") : "https://auth.example"));
            if (m.Chance(0.5))
            {
                environment.Add("scopes", new JArr(new JStr("api.read")));
            }

            var redirects = new List<J> { new JStr("https://app.example/signin-oidc") };
            if (m.Chance(0.4))
            {
                redirects.Add(new JStr(m.UserInfoUri(secrets, "app.example/callback")));
            }

            if (m.Chance(0.2))
            {
                redirects.Add(new JStr(m.Pick(new[] { "http://app.example/cb", "https://*.example/cb", "https://app.example/cb#frag", "/relative", "not a uri", "http://localhost:5000/cb" })));
            }

            environment.Add("redirectUris", new JArr(redirects.ToArray()));
            if (m.Chance(0.3))
            {
                environment.Add("allowedOrigins", new JArr(new JStr(m.Chance(0.3) ? m.UserInfoUri(secrets, "app.example") : "https://app.example")));
            }

            if (m.Chance(0.15))
            {
                var secret = m.NewSecret();
                var key = m.Pick(new[] { "clientSecret", "client_secret", "password" });
                secrets.Add(new Planted(secret, KeyContext(key, secret)));
                environment.Add(key, new JStr(secret));
            }

            environment.Add("secret", m.Random.Next(6) switch
            {
                0 => new JObj().Add("store", new JStr("environment")).Add("name", new JStr("CADASTO_SECRET")),
                1 => new JObj().Add("store", new JStr("user-secrets")).Add("key", new JStr("Cadasto:ClientSecret")),
                2 => new JObj().Add("store", new JStr("configuration")).Add("key", new JStr("Cadasto:Secret")),
                3 => new JObj().Add("store", new JStr("file")).Add("path", new JStr("/run/secrets/cadasto")),
                4 => new JObj().Add("store", new JStr("azure-key-vault"))
                    .Add("vault", new JStr(m.Chance(0.4) ? m.UserInfoUri(secrets, "kv.vault.azure.net/") : "https://kv.vault.azure.net/"))
                    .Add("name", new JStr("cadasto-client-secret")),
                _ => new JObj().Add("store", new JStr(m.Pick(new[] { "vault", "aws-secrets-manager", "" }))),
            });
            environments.Add(name, environment);
        }

        root.Add("environments", environments);
        return root;
    }

    private static J AppSettings(Mutators m, List<Planted> secrets)
    {
        var clientSecret = m.NewSecret();
        secrets.Add(new Planted(clientSecret, KeyContext("ClientSecret", clientSecret)));
        var password = m.NewSecret();
        secrets.Add(new Planted(password, new Regex("Password=" + Regex.Escape(password) + ";", RegexOptions.CultureInvariant)));
        var apiKey = m.NewSecret();
        secrets.Add(new Planted(apiKey, KeyContext("ApiKey", apiKey)));
        return new JObj()
            .Add("Logging", new JObj().Add("LogLevel", new JObj().Add("Default", new JStr("Information"))))
            .Add("AzureAd", new JObj()
                .Add("ClientId", new JStr("cad-x"))
                .Add("ClientSecret", new JStr(clientSecret))
                .Add("CallbackPath", new JStr(m.Pick(new[] { "/signin-oidc", "/other", "signin" }))))
            .Add("Oidc", new JObj()
                .Add("RedirectUri", new JStr(m.Chance(0.5) ? m.UserInfoUri(secrets, "app.example/callbak") : "https://app.example/callbak"))
                .Add("Scopes", new JArr(new JStr("api.read"), new JStr("api.admin"))))
            .Add("Partner", new JObj().Add("ApiKey", new JStr(apiKey)))
            .Add("ConnectionStrings", new JObj().Add("Db", new JStr("Server=db;User Id=sa;Password=" + password + ";")));
    }

    private static string MutatedCode(Mutators m, FuzzInput input)
    {
        var secrets = input.Secrets;
        string Plant(string template)
        {
            var secret = m.NewSecret();
            var text = template.Replace("SECRET", secret, StringComparison.Ordinal);
            secrets.Add(new Planted(secret, new Regex(Regex.Escape(text), RegexOptions.CultureInvariant)));
            return text;
        }

        var statements = new List<string>
        {
            Plant("""var app1 = ConfidentialClientApplicationBuilder.Create("cad-x").WithClientSecret("SECRET").Build();"""),
            Plant("""var request = new ClientCredentialsTokenRequest { Address = "https://auth.example/token", ClientId = "cad-x", ClientSecret = "SECRET" };"""),
            Plant("""var connection = "Server=db;User Id=sa;Password=SECRET;";"""),
            Plant("""var callback = ConfidentialClientApplicationBuilder.Create("cad-x").WithRedirectUri("https://fuzzuser:SECRET@app.example/callbak");"""),
            Plant("""Console.WriteLine(new Uri("https://admin:SECRET@db.example/"));"""),
            Plant("""var partnerApiKey = "SECRET";"""),
            """var scopes = new[] { "api.read", "api.admin" };""",
            """var options = new OpenIdConnectOptions { CallbackPath = "/signin-other", ResponseType = "code id_token" };""",
        };
        var members = new List<string>
        {
            Plant("""private const string ClientSecret = "SECRET";"""),
            Plant("""public static readonly string DbPassword = "SECRET";"""),
            """public static string Read(string key) => Environment.GetEnvironmentVariable(key) ?? string.Empty;""",
        };

        var mutations = m.Random.Next(0, 4);
        for (var i = 0; i < mutations; i++)
        {
            switch (m.Random.Next(9))
            {
                case 0:
                    // Deep nesting of the shapes the rules walk: parentheses, array initializers, lambdas, conditionals.
                    var depth = m.Pick(new[] { 50, 500, 2_000, 10_000, 30_000 });
                    var nested = m.Random.Next(4) switch
                    {
                        0 => new string('(', depth) + "\"x\"" + new string(')', depth),
                        1 => string.Concat(Enumerable.Repeat("new object[] { ", depth)) + "\"x\"" + string.Concat(Enumerable.Repeat(" }", depth)),
                        2 => string.Concat(Enumerable.Repeat("(Func<object>)(() => ", depth)) + "\"x\"" + new string(')', depth * 2),
                        _ => string.Concat(Enumerable.Repeat("DateTime.Now.Ticks > 0 ? \"a\" : ", depth)) + "\"b\"",
                    };
                    statements.Add($"object deep{i} = {nested};");
                    input.Mutations.Add("deep-nesting");
                    break;
                case 1:
                    var parts = m.Pick(new[] { 100, 4_000, 10_000 });
                    var concat = string.Join(" + ", Enumerable.Range(0, parts).Select(p => "\"p" + p.ToString(CultureInfo.InvariantCulture) + "\""));
                    statements.Add($"var secretParts{i} = ConfidentialClientApplicationBuilder.Create(\"c\").WithClientSecret({concat});");
                    input.Mutations.Add("long-concatenation");
                    break;
                case 2:
                    statements.Add($"var huge{i} = \"{m.HugeString()}\";");
                    members.Add($"private const string ApiToken{i} = \"{m.HugeString()}\";");
                    input.Mutations.Add("huge-string");
                    break;
                case 3:
                    var index = m.Random.Next(statements.Count);
                    statements[index] = m.OddString(statements[index]);
                    input.Mutations.Add("odd-unicode");
                    break;
                case 4:
                    members.Add(members[m.Random.Next(members.Count)]);
                    input.Mutations.Add("duplicate-member");
                    break;
                case 5:
                    members.Add(Plant("""private const int ClientSecretNumber = "SECRET";"""));
                    statements.Add("""WithClientSecret(42);""");
                    input.Mutations.Add("wrong-type");
                    break;
                case 6:
                    var id = "Id" + new string('x', m.Pick(new[] { 512, 1_024, 5_000 }));
                    statements.Add($"var {id} = \"{m.OddString("value")}\";");
                    input.Mutations.Add("long-identifier");
                    break;
                case 7:
                    statements.Add(Plant("var raw = \"\"\"\n    Password=SECRET;\n    \"\"\";"));
                    statements.Add(Plant("""var interpolated = $"https://fuzzuser:SECRET@{Environment.MachineName}/cb";"""));
                    input.Mutations.Add("raw-and-interpolated");
                    break;
                default:
                    statements.Add(Plant("""var uris = new Uri[] { new("https://u:SECRET@app.example/signin-oidc") };"""));
                    input.Mutations.Add("userinfo-uri");
                    break;
            }
        }

        var builder = new StringBuilder();
        builder.Append("""
            using System;
            using Microsoft.Identity.Client;
            using Duende.IdentityModel.Client;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;

            internal static class Program
            {

            """);
        foreach (var member in members)
        {
            builder.Append("    ").Append(member).Append('\n');
        }

        builder.Append("    public static void Main()\n    {\n");
        foreach (var statement in statements)
        {
            builder.Append("        ").Append(statement).Append('\n');
        }

        builder.Append("        _ = ConfidentialClientApplicationBuilder.Create(\"c\").WithClientSecret(ClientSecret);\n");
        builder.Append("        _ = new ClientCredentialsTokenRequest { ClientSecret = DbPassword };\n");
        builder.Append("    }\n}\n");
        return builder.ToString();
    }
}
