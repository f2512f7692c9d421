using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

var builder = WebApplication.CreateBuilder(args);
var cadasto = builder.Configuration.GetSection("Cadasto");

builder.Services
    .AddAuthentication(options =>
    {
        options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
    })
    .AddCookie()
    .AddOpenIdConnect(options =>
    {
        options.Authority = cadasto["Authority"];
        options.ClientId = cadasto["ClientId"];
        // The secret comes from user-secrets in development (dotnet user-secrets set "Cadasto:ClientSecret" …)
        // and from the environment variable Cadasto__ClientSecret in production, as cadasto.json says.
        options.ClientSecret = cadasto["ClientSecret"];

        // Authorization code with PKCE (RFC 9700 §2.1.1); the callback path is the path of the redirect URIs
        // cadasto.json registers (https://localhost:5001/signin-oidc, https://portal.example.com/signin-oidc).
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.CallbackPath = "/signin-oidc";

        options.Scope.Add("api.read");
        options.Scope.Add("offline_access");
        options.SaveTokens = true;
    });
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", (HttpContext context) => $"Signed in as {context.User.Identity?.Name}").RequireAuthorization();

app.Run();
