using System.Security.Cryptography;
using System.Text;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Roster;

namespace FocusBot.Core.Reminders;

/// <summary>
/// Tells a table's co-chairs about a problem they can act on (a rep the bot cannot reach, a channel that is gone, a
/// calendar it cannot read), once: the notice log keeps the subject, and the messages go out through the outbox a
/// few seconds later, a co-chair's notices due together as one message (the dispatcher is woken: a notice written outside a decision, e.g. on Teams' "channel deleted", would
/// otherwise wait for the next poll).
/// </summary>
public sealed class CoChairNotices(IRosterStore roster, IDeliveryStore outbox, ICoChairNoticeLog log, IDispatchSignal dispatch, TimeProvider time)
{
    /// <summary>The subject of "the table's channel is gone": told once, whether Teams said so or a card found out.</summary>
    public static string ChannelGoneSubject(string channelId) => $"channel-gone|{channelId}";

    /// <param name="subject">What makes two notices the same problem (any length; only its hash is kept): codes, never a sentence.</param>
    /// <param name="notice">What to tell, as a code and its data (never a note or a summary: it is kept in the outbox row);
    /// each co-chair reads it in their own language, written when it is sent.</param>
    /// <returns>Whether this was the first time (the co-chairs' messages are now in the outbox).</returns>
    public async Task<bool> TellOnceAsync(string tableId, string subject, CoChairProblem notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..40];
        var now = time.GetUtcNow();
        if (!await log.TryRecordAsync(tableId, key, now, cancellationToken)) return false;

        var members = await roster.MembersOfTableAsync(tableId, cancellationToken);
        await outbox.AddAsync(SituationDeliveries.NoticeToCoChairs(tableId, members, notice.ToJson(), now, notice.SituationId), cancellationToken);
        dispatch.Wake(tableId);
        return true;
    }

    /// <summary>Forgets that the co-chairs were told (the problem was fixed, e.g. a channel linked again), so a new occurrence is told again.</summary>
    public Task ForgetAsync(string tableId, string subject, CancellationToken cancellationToken) =>
        log.ForgetAsync(tableId, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..40], cancellationToken);
}
