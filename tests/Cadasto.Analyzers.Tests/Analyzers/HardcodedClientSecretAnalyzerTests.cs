using System.Threading.Tasks;
using Cadasto.Analyzers.Analyzers;
using Cadasto.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = Cadasto.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Cadasto.Analyzers.Analyzers.HardcodedClientSecretAnalyzer,
    Cadasto.Analyzers.CodeFixes.HardcodedClientSecretCodeFix>;

namespace Cadasto.Analyzers.Tests.Analyzers;

public sealed class HardcodedClientSecretAnalyzerTests
{
    [Fact]
    public Task LiteralPassedToWithClientSecret_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("cad-dev-invoice-sync")
                    .WithClientSecret({|CDS1001:"s3cr3t-v4lue-Kq8~xZ"|})
                    .Build();
        }
        """);

    [Fact]
    public Task ConstantThroughFieldAndLocal_ShouldReportAtTheLiteral() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        static class Secrets
        {
            public const string Prefix = "abc";
            public const string ClientSecret = {|CDS1001:Prefix + "-Kq8~xZ91"|};
            public static readonly string Other = {|CDS1001:"q9.Lm2~pX"|};
        }

        class TokenProvider
        {
            void Build()
            {
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(Secrets.ClientSecret);
                var secret = Secrets.Other;
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(secret);
            }
        }
        """);

    [Fact]
    public Task InterpolationAndTernaryOfConstants_ShouldReport() => VerifyCS.VerifyAnalyzerAsync("""
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            const string Part = "Kq8~xZ";

            void Build(bool production)
            {
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:$"{Part}-91aa"|});
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(production ? {|CDS1001:"prod-Kq8~xZ"|} : {|CDS1001:"dev-Kq8~xZ"|});
            }
        }
        """);

    [Fact]
    public Task ValueReadAtRunTime_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            static string fromStore = "";

            void Build(IConfiguration configuration, string injected)
            {
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(configuration["Cadasto:ClientSecret"]);
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(Environment.GetEnvironmentVariable("CADASTO_CLIENT_SECRET"));
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(injected);
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(fromStore);
            }
        }
        """);

    [Fact]
    public Task LocalAssignedTwice_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            void Build()
            {
                var secret = "fallback-Kq8~xZ";
                secret = Environment.GetEnvironmentVariable("CADASTO_CLIENT_SECRET");
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(secret);
            }
        }
        """);

    [Theory]
    [InlineData("")]
    [InlineData("<your-secret>")]
    [InlineData("changeme")]
    [InlineData("REPLACE_ME")]
    [InlineData("xxx")]
    [InlineData("${CADASTO_CLIENT_SECRET}")]
    [InlineData("%CADASTO_CLIENT_SECRET%")]
    [InlineData("{{clientSecret}}")]
    [InlineData("#{ClientSecret}#")]
    public Task Placeholder_ShouldNotReport(string placeholder) => VerifyCS.VerifyAnalyzerAsync($$"""
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            void Build() => ConfidentialClientApplicationBuilder.Create("id").WithClientSecret("{{placeholder}}");
        }
        """);

    [Fact]
    public Task SameMethodNameOnAnotherType_ShouldNotReport() => VerifyCS.VerifyAnalyzerAsync("""
        class FakeBuilder
        {
            public FakeBuilder WithClientSecret(string clientSecret) => this;
            void Build() => WithClientSecret("Kq8~xZ-not-a-sink");
        }
        """);

    [Fact]
    public Task IConfigurationParameterInScope_ShouldFixWithConfigurationRead() => VerifyCS.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            IConfidentialClientApplication Build(IConfiguration configuration) =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:"s3cr3t-Kq8~xZ"|}).Build();
        }
        """, """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            IConfidentialClientApplication Build(IConfiguration configuration) =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(configuration["Cadasto:ClientSecret"]).Build();
        }
        """);

    [Fact]
    public Task NoConfigurationInScope_ShouldFixWithEnvironmentVariable() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:"s3cr3t-Kq8~xZ"|}).Build();
        }
        """, """
        using System;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(Environment.GetEnvironmentVariable("CADASTO_CLIENT_SECRET")).Build();
        }
        """);

    [Fact]
    public Task ConstField_ShouldFixAndBecomeStaticReadonly() => new VerifyCS.Test
    {
        TestCode = """
            using System;
            using Microsoft.Identity.Client;

            class TokenProvider
            {
                private const string ClientSecret = {|CDS1001:"s3cr3t-Kq8~xZ"|};

                IConfidentialClientApplication Build() =>
                    ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(ClientSecret).Build();
            }
            """,
        FixedCode = """
            using System;
            using Microsoft.Identity.Client;

            class TokenProvider
            {
                private static readonly string ClientSecret = Environment.GetEnvironmentVariable("CADASTO_CLIENT_SECRET");

                IConfidentialClientApplication Build() =>
                    ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(ClientSecret).Build();
            }
            """,
        // The literal sits in the const's declaration, away from the call that reaches the sink:
        // a non-local diagnostic by design (the squiggle belongs where the secret is written).
        CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
    }.RunAsync();

    [Fact]
    public Task NullableEnabled_ShouldFixWithFailFastRead() => VerifyCS.VerifyCodeFixAsync("""
        #nullable enable
        using System;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider(IConfiguration configuration)
        {
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret({|CDS1001:"s3cr3t-Kq8~xZ"|}).Build();
        }
        """, """
        #nullable enable
        using System;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider(IConfiguration configuration)
        {
            IConfidentialClientApplication Build() =>
                ConfidentialClientApplicationBuilder.Create("id").WithClientSecret(configuration["Cadasto:ClientSecret"] ?? throw new InvalidOperationException("Set the configuration value Cadasto:ClientSecret (dotnet user-secrets set \"Cadasto:ClientSecret\" <value>).")).Build();
        }
        """);

    [Fact]
    public Task SeveralSecrets_ShouldFixAllInOnePass() => VerifyCS.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            void Build(IConfiguration configuration)
            {
                ConfidentialClientApplicationBuilder.Create("a").WithClientSecret({|CDS1001:"first-Kq8~xZ"|});
                ConfidentialClientApplicationBuilder.Create("b").WithClientSecret({|CDS1001:"second-Kq8~xZ"|});
            }
        }
        """, """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Identity.Client;

        class TokenProvider
        {
            void Build(IConfiguration configuration)
            {
                ConfidentialClientApplicationBuilder.Create("a").WithClientSecret(configuration["Cadasto:ClientSecret"]);
                ConfidentialClientApplicationBuilder.Create("b").WithClientSecret(configuration["Cadasto:ClientSecret"]);
            }
        }
        """);
}
