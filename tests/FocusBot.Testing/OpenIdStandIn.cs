using System.Buffers.Text;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusBot.Testing;

/// <summary>An RSA signing key as the OpenID stand-in publishes it: its <c>kid</c> and the channels it is endorsed for.</summary>
public sealed record StandInSigningKey(string KeyId, RSA Rsa, IReadOnlyList<string> Endorsements)
{
    public static StandInSigningKey Create(string keyId, params string[] endorsements) => new(keyId, RSA.Create(2048), endorsements);
}

/// <summary>
/// A loopback stand-in for Bot Framework's OpenID metadata endpoint and its key set (JWKS with <c>endorsements</c>),
/// over HTTPS with a self-signed certificate made for it: the identity library refuses plain HTTP. Nothing trusts that
/// certificate except a handler from <see cref="TrustingHandler"/>.
/// </summary>
public sealed class OpenIdStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _issuer;
    private readonly IReadOnlyList<StandInSigningKey> _keys;
    private int _requests;

    private OpenIdStandIn(WebApplication app, X509Certificate2 certificate, string issuer, IReadOnlyList<StandInSigningKey> keys)
    {
        _app = app;
        Certificate = certificate;
        _issuer = issuer;
        _keys = keys;
    }

    public X509Certificate2 Certificate { get; }
    public string BaseUrl { get; private set; } = "";
    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    /// <summary>How many requests (metadata and keys) the stand-in has answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<OpenIdStandIn> StartAsync(string issuer, params StandInSigningKey[] keys)
    {
        var certificate = SelfSignedLoopbackCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var standIn = new OpenIdStandIn(builder.Build(), certificate, issuer, keys);
        standIn._app.Run(standIn.AnswerAsync);
        await standIn._app.StartAsync();
        var address = standIn._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        standIn.BaseUrl = address.TrimEnd('/');
        return standIn;
    }

    /// <summary>A handler that trusts this stand-in's certificate (by its SHA-256 hash) and, as usual, publicly trusted ones.</summary>
    public HttpMessageHandler TrustingHandler()
    {
        var pinned = Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        return new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == System.Net.Security.SslPolicyErrors.None ||
                    (certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == pinned),
            },
        };
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        JsonNode body;
        if (context.Request.Path.Value!.EndsWith("/openidconfiguration", StringComparison.Ordinal))
            body = new JsonObject
            {
                ["issuer"] = _issuer,
                ["authorization_endpoint"] = BaseUrl + "/authorize",
                ["jwks_uri"] = BaseUrl + "/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            };
        else if (context.Request.Path.Value.EndsWith("/keys", StringComparison.Ordinal))
            body = new JsonObject { ["keys"] = new JsonArray([.. _keys.Select(Jwk)]) };
        else
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static JsonNode Jwk(StandInSigningKey key)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. key.Endorsements.Select(e => (JsonNode)e)]),
        };
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=FocusBot OpenID stand-in", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Re-imported so that Kestrel's TLS can use the private key on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
