namespace FocusBot.Core.Idempotency;

/// <summary>The answer a request got, kept so that the same request again gets it again byte for byte.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="ContentType">The response's content type, or null when it had no body.</param>
/// <param name="Location">The <c>Location</c> header (a created situation's address), or null.</param>
/// <param name="Body">The response body as it was sent.</param>
public sealed record RememberedAnswer(int Status, string? ContentType, string? Location, byte[] Body);

/// <summary>A request made under an idempotency key: what was asked (a hash), when, and its answer once it has one.</summary>
/// <param name="RequestHash">SHA-256 (hex) of the request's method, path and body.</param>
/// <param name="StartedAt">When the request claimed the key (UTC).</param>
/// <param name="Answer">Null while the request is still being handled.</param>
public sealed record RememberedRequest(string RequestHash, DateTimeOffset StartedAt, RememberedAnswer? Answer);

/// <summary>
/// The REST API's idempotency keys (<c>Idempotency-Key</c> header), stored so that every instance sees them. A key is
/// claimed by the first request that brings it (one insert that cannot succeed twice), answered when that request is,
/// and forgotten after the retention window.
/// </summary>
public interface IIdempotencyKeyStore
{
    /// <summary>
    /// Claims <paramref name="id"/> (a hash of the caller and their key) for a request. A claim that was never
    /// answered and started before <paramref name="abandonedBefore"/> (its request died) and anything started before
    /// <paramref name="forgottenBefore"/> no longer hold the key.
    /// </summary>
    /// <returns>The claim's token, or null when another request holds the key or has answered under it.</returns>
    Task<string?> TryClaimAsync(string id, string requestHash, DateTimeOffset now, DateTimeOffset abandonedBefore, DateTimeOffset forgottenBefore,
        CancellationToken cancellationToken);

    /// <summary>What is stored under <paramref name="id"/>, or null when nothing is.</summary>
    Task<RememberedRequest?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores the answer of the request holding the claim; false when the claim was lost (taken over as abandoned).</summary>
    Task<bool> AnswerAsync(string id, string claimToken, RememberedAnswer answer, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives up an unanswered claim (the request failed), so that the same request may be tried again at once.</summary>
    Task ReleaseAsync(string id, string claimToken, CancellationToken cancellationToken);

    /// <summary>Forgets every key claimed before <paramref name="before"/>; returns how many.</summary>
    Task<int> ForgetBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
