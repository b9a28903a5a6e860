using System.Diagnostics;
using FocusBot.Core.Idempotency;
using FocusBot.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace FocusBot.Idempotency;

/// <summary>
/// Runs an endpoint at most once per caller's <c>Idempotency-Key</c> (see <see cref="IdempotencyKeys"/>): claims the
/// key in the database (one insert that only one request can make, on any instance), runs the endpoint, keeps its
/// answer and sends it; a request that finds the key claimed gets the stored answer, a 422 when it asks something
/// else, or a 409 when the first is still being handled after <see cref="IdempotencyKeys.InFlightWait"/>. A 5xx
/// answer or an exception is not kept: the claim is released, so the request can be tried again.
/// </summary>
public sealed class IdempotencyKeyFilter(TimeProvider time, IdempotencyOptions options, ILogger<IdempotencyKeyFilter> logger) : IEndpointFilter
{
    /// <summary>The largest body hashed: the REST API's largest request (a recording); a larger one is refused by the endpoint anyway.</summary>
    public const long MaxBodyBytes = Situations.SituationEndpoints.MaxRecordBytes;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers[IdempotencyKeys.HeaderName];
        if (header.Count == 0) return await next(context);
        if (IdempotencyKeys.ProblemWith(header) is { } problem)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyKeys.HeaderName] = [problem] },
                title: "The Idempotency-Key header is not usable; nothing was done.");

        var cancellationToken = http.RequestAborted;
        http.Request.EnableBuffering();
        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        http.Request.Body.Position = 0;
        // Too large: the endpoint refuses it without doing anything, and that answer need not be kept.
        if (body is null) return await next(context);

        var store = http.RequestServices.GetRequiredService<IIdempotencyKeyStore>();
        var keyId = IdempotencyKeys.KeyId(http, header[0]!);
        var requestHash = IdempotencyKeys.RequestHash(http.Request, body);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var now = time.GetUtcNow();
            if (await store.TryClaimAsync(keyId, requestHash, now, now - IdempotencyKeys.AbandonedAfter, now - options.KeptFor, cancellationToken) is { } claim)
                return await AnswerOnceAsync(context, next, store, keyId, claim, requestHash);

            var earlier = await store.FindAsync(keyId, cancellationToken);
            if (earlier is null) continue; // released or forgotten in between: claim it again
            if (earlier.RequestHash != requestHash)
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "This Idempotency-Key was used for another request; nothing was done.",
                    detail: $"The key was first sent at {earlier.StartedAt.ToUniversalTime():u} with a different method, path or body. " +
                        "Use a new key for a new request, or send exactly the same request to get its answer again.");
            if (earlier.Answer is { } answer) return new RememberedAnswerResult(answer, Replayed: true);
            if (waited.Elapsed >= IdempotencyKeys.InFlightWait)
            {
                http.Response.Headers.RetryAfter = "1";
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: "A request with this Idempotency-Key is still being handled.",
                    detail: "Send the same request again in a moment to get its answer; nothing was done twice.");
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<object?> AnswerOnceAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, IIdempotencyKeyStore store,
        string keyId, string claim, string requestHash)
    {
        var http = context.HttpContext;
        IdempotencyKeys.SetSubmissionId(http, keyId, requestHash);
        RememberedAnswer answer;
        try
        {
            if (await next(context) is not IResult result)
                throw new InvalidOperationException($"{http.Request.Path} answered something other than an IResult; its answer cannot be kept.");
            answer = await RenderAsync(http, result);
        }
        catch
        {
            await store.ReleaseAsync(keyId, claim, CancellationToken.None);
            throw;
        }

        if (answer.Status >= StatusCodes.Status500InternalServerError)
            await store.ReleaseAsync(keyId, claim, CancellationToken.None);
        else if (!await store.AnswerAsync(keyId, claim, answer, time.GetUtcNow(), CancellationToken.None))
            logger.LogInformation("An Idempotency-Key claim was taken over as abandoned before its answer was kept ({Path})", http.Request.Path);
        return new RememberedAnswerResult(answer, Replayed: false);
    }

    /// <summary>Runs the endpoint's result into memory: its status and headers go on the response, its body is kept here.</summary>
    private static async Task<RememberedAnswer> RenderAsync(HttpContext http, IResult result)
    {
        var original = http.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer, original);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await result.ExecuteAsync(http);
            await capture.CompleteAsync();
        }
        finally
        {
            http.Features.Set(original);
        }
        return new RememberedAnswer(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location.FirstOrDefault(), buffer.ToArray());
    }
}

/// <summary>Sends a kept answer: its status, content type, Location and body, marked when it is a replay.</summary>
public sealed record RememberedAnswerResult(RememberedAnswer Answer, bool Replayed) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Answer.Status;
        if (Answer.ContentType is { } contentType) response.ContentType = contentType;
        if (Answer.Location is { } location) response.Headers.Location = location;
        if (Replayed) response.Headers[IdempotencyKeys.ReplayedHeaderName] = "true";
        response.ContentLength = Answer.Body.Length;
        await response.Body.WriteAsync(Answer.Body, httpContext.RequestAborted);
    }
}
