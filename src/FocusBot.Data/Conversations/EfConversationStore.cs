using FocusBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Data.Conversations;

public sealed class EfConversationStore(FocusBotDbContext db, TimeProvider time) : IConversationStore
{
    public async Task SaveAsync(ConversationAddress address, string referenceJson, CancellationToken cancellationToken, string? teamId = null)
    {
        var stored = await db.Conversations.FindAsync([address.Kind, address.Key], cancellationToken);
        if (stored is null)
        {
            await InsertUnlessStoredAsync(address, referenceJson, teamId, cancellationToken);
            return;
        }

        if (stored.ReferenceJson != referenceJson || stored.UnreachableSince is not null || (teamId is not null && stored.TeamId != teamId))
        {
            stored.ReferenceJson = referenceJson;
            stored.TeamId = teamId ?? stored.TeamId;
            stored.UpdatedAt = time.GetUtcNow();
            // The member (or channel) just reached us: Teams delivers to it again.
            stored.UnreachableSince = null;
            stored.UnreachableReason = null;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                // Only this row: nothing else the shared context tracks is dropped.
                db.Entry(stored).State = EntityState.Detached;
            }
        }
        else
        {
            db.Entry(stored).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Inserts a new conversation's reference; when another turn of the same user (another request, another instance)
    /// stored it first, keeps theirs, which is as fresh as ours. One statement that ignores the conflict on both
    /// databases, so that this expected race neither throws nor logs an error.
    /// </summary>
    private async Task InsertUnlessStoredAsync(ConversationAddress address, string referenceJson, string? teamId, CancellationToken cancellationToken)
    {
        var kind = address.Kind.ToString();
        var now = time.GetUtcNow().ToUniversalTime();
        object updatedAt = db.Database.IsNpgsql() ? now : now.ToUnixTimeMilliseconds();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO conversations ("Kind", "Key", "ReferenceJson", "UpdatedAt", "TeamId")
            VALUES ({kind}, {address.Key}, {referenceJson}, {updatedAt}, {teamId})
            ON CONFLICT ("Kind", "Key") DO NOTHING
            """, cancellationToken);
    }

    public async Task<string?> FindAsync(ConversationAddress address, CancellationToken cancellationToken) =>
        await db.Conversations.AsNoTracking()
            .Where(c => c.Kind == address.Kind && c.Key == address.Key)
            .Select(c => c.ReferenceJson)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task LinkTableChannelAsync(string tableId, ConversationAddress channel, CancellationToken cancellationToken)
    {
        var link = await db.TableChannels.FindAsync([tableId], cancellationToken);
        if (link is null)
            db.TableChannels.Add(new TableChannelLink { TableId = tableId, ChannelKey = channel.Key, LinkedAt = time.GetUtcNow() });
        else
        {
            link.ChannelKey = channel.Key;
            link.LinkedAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ConversationAddress?> FindTableChannelAsync(string tableId, CancellationToken cancellationToken)
    {
        var key = await db.TableChannels.AsNoTracking()
            .Where(l => l.TableId == tableId)
            .Select(l => l.ChannelKey)
            .FirstOrDefaultAsync(cancellationToken);
        return key is null ? null : ConversationAddress.Channel(key);
    }

    public async Task<bool> MarkUnreachableAsync(ConversationAddress address, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var shortReason = reason.Length > 300 ? reason[..300] : reason;
        // One statement, so that of several instances seeing the same refusal exactly one is told "first".
        var marked = await db.Conversations
            .Where(c => c.Kind == address.Kind && c.Key == address.Key && c.UnreachableSince == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.UnreachableSince, now).SetProperty(x => x.UnreachableReason, shortReason),
                cancellationToken);
        return marked == 1;
    }

    public async Task<string?> UnreachableReasonAsync(ConversationAddress address, CancellationToken cancellationToken) =>
        await db.Conversations.AsNoTracking()
            .Where(c => c.Kind == address.Kind && c.Key == address.Key && c.UnreachableSince != null)
            .Select(c => c.UnreachableReason ?? "unreachable")
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> MarkTeamUnreachableAsync(string teamId, string reason, CancellationToken cancellationToken)
    {
        var keys = await db.Conversations.AsNoTracking()
            .Where(c => c.Kind == ConversationKind.Channel && c.TeamId == teamId && c.UnreachableSince == null)
            .Select(c => c.Key)
            .ToListAsync(cancellationToken);
        var marked = new List<string>();
        foreach (var key in keys)
            if (await MarkUnreachableAsync(ConversationAddress.Channel(key), reason, cancellationToken)) marked.Add(key);
        return marked;
    }

    public async Task<IReadOnlyList<string>> TablesLinkedToAsync(IReadOnlyCollection<string> channelKeys, CancellationToken cancellationToken) =>
        await db.TableChannels.AsNoTracking().Where(l => channelKeys.Contains(l.ChannelKey)).Select(l => l.TableId).ToListAsync(cancellationToken);

    public async Task ClearUnreachableAsync(ConversationAddress address, CancellationToken cancellationToken) =>
        await db.Conversations
            .Where(c => c.Kind == address.Kind && c.Key == address.Key && c.UnreachableSince != null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.UnreachableSince, (DateTimeOffset?)null)
                .SetProperty(x => x.UnreachableReason, (string?)null), cancellationToken);
}
