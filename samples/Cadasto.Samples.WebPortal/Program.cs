using Cadasto.Samples.WebPortal;
using Cadasto.Credentials.AspNetCore;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

var builder = WebApplication.CreateBuilder(args);

// Generated from cadasto.json: picks the environment from ASPNETCORE_ENVIRONMENT, binds the client secret through
// the store the manifest names (user-secrets in development, an environment variable in production), re-reads it
// when it is rotated, and stops start-up with a clear message when it is missing. The configuration section Cadasto
// (Cadasto:Authority, Cadasto:ClientId, Cadasto:Scopes) may override the manifest per deployment.
builder.Services.AddCadastoCredentials(builder.Configuration, builder.Environment);

builder.Services
    .AddAuthentication(options =>
    {
        options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
    })
    .AddCookie()
    // Authority, client id, secret, scopes, the callback path of the registered redirect URI (/signin-oidc), and the
    // authorization code flow with PKCE (RFC 9700 §2.1.1), all from the selected environment.
    .AddCadastoOpenIdConnect(options =>
    {
        options.SaveTokens = true;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "name";
    });
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", (HttpContext context) => $"Signed in as {context.User.Identity?.Name}").RequireAuthorization();

app.Run();
