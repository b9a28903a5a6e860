using System.Security.Cryptography;
using System.Text;
using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using Microsoft.Extensions.Logging;

namespace FocusBot.Core.Reminders;

/// <summary>Tells a table's co-chairs about a problem they can act on (a rep the bot cannot reach, a calendar it cannot read), once.</summary>
public sealed class CoChairNotices(
    IRosterStore roster, IChatSender chat, ICoChairNoticeLog log, TimeProvider time, ILogger<CoChairNotices> logger)
{
    /// <param name="subject">What makes two notices the same problem (any length; only its hash is kept).</param>
    /// <returns>Whether at least one co-chair was told now.</returns>
    public async Task<bool> TellOnceAsync(string tableId, string subject, string message, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..40];
        if (!await log.TryRecordAsync(tableId, key, time.GetUtcNow(), cancellationToken)) return false;

        var coChairs = (await roster.MembersOfTableAsync(tableId, cancellationToken)).Where(m => m.IsCoChairOf(tableId)).ToList();
        var told = 0;
        foreach (var coChair in coChairs)
        {
            var result = await chat.SendAsync(ConversationAddress.Personal(coChair.Email), new OutgoingMessage(message), cancellationToken);
            if (result.IsDelivered) told++;
            else logger.LogWarning("Could not tell co-chair {CoChair} of table {TableId}: {Status}", coChair.Email, tableId, result.Status);
        }

        if (told == 0)
        {
            logger.LogWarning("No co-chair of table {TableId} could be told: {Message}", tableId, message);
            // Nobody heard it, so the next occurrence tries again.
            await log.ForgetAsync(tableId, key, cancellationToken);
        }
        return told > 0;
    }
}
