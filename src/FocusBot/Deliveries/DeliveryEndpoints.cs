using FocusBot.Core.Deliveries;
using FocusBot.Core.Situations;
using FocusBot.Hosting;
using FocusBot.Situations;

namespace FocusBot.Deliveries;

/// <summary><c>GET /api/v1/deliveries?situation=</c>: what the bot sent about a situation, what is pending and what failed, and why (co-chairs of its table, administrators).</summary>
public static class DeliveryEndpoints
{
    public static RouteGroupBuilder MapDeliveries(this RouteGroupBuilder api)
    {
        api.MapGet("/deliveries", ListAsync).WithTags("Deliveries").RequireAuthorization(BackendPolicies.CoChair)
            .WithSummary("Every message the bot owes or sent about a situation (its cards, redraws, co-chair notices), oldest first: sent, pending (with when it is tried next) or failed, with why.")
            .Produces<IReadOnlyList<DeliveryDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(string? situation, ApiCaller caller, ISituationStore situations, IDeliveryStore deliveries,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (!SituationId.TryParse(situation, out var id))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["situation"] = ["Name the situation by its id, e.g. DM-2026-0001."],
            });

        var member = await caller.MemberAsync(http.User, cancellationToken);
        var found = await situations.FindAsync(id.ToString(), cancellationToken);
        // A situation of a table the caller does not co-chair is "not found", like one that does not exist.
        if (found is null || !SituationListing.CoChairedTables(member).Contains(found.TableId, StringComparer.OrdinalIgnoreCase))
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No situation with that id is yours to see.");

        return TypedResults.Ok((await deliveries.OfSituationAsync(found.Id, cancellationToken)).Select(DeliveryDto.From).ToList());
    }
}

/// <param name="Kind">situationCard, cardRefresh, recordingConfirmation, leadDeclinedNotice, updatePostedNotice, agenciesChangedNotice,
/// agencyReleasedNotice, notice (a co-chair notice about the situation, e.g. a rep its card could not reach).</param>
/// <param name="Recipient">"table-channel", or "personal:e-mail" / "channel:id".</param>
/// <param name="State">sent, pending (including one being sent now), failed or cancelled.</param>
/// <param name="NextAttemptAt">For a pending row: not tried again before this (UTC).</param>
/// <param name="Why">Why it failed, was cancelled, or why the last attempt did not go through.</param>
/// <param name="SentAs">For a sent row: the id of the Teams message it went out in. Co-chair notices due together are
/// gathered into one message, so their rows share it; each row is still listed on its own.</param>
public sealed record DeliveryDto(
    Guid Id, string Kind, string Recipient, string State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt, string? Why, string? SentAs)
{
    public static DeliveryDto From(Delivery d)
    {
        var state = d.State == DeliveryState.Claimed ? DeliveryState.Pending : d.State;
        return new(d.Id, char.ToLowerInvariant(d.Kind.ToString()[0]) + d.Kind.ToString()[1..], d.Recipient, state.ToString().ToLowerInvariant(),
            d.Attempts, d.CreatedAt, state == DeliveryState.Pending ? d.DueAt : null, d.SentAt, d.LastError,
            state == DeliveryState.Sent ? d.SentActivityId : null);
    }
}
