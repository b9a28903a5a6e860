using System.Collections.Concurrent;
using FocusBot.Core.Conversations;

namespace FocusBot.Teams.Tests.Support;

public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly ConcurrentDictionary<ConversationAddress, string> _references = new();
    private readonly ConcurrentDictionary<string, ConversationAddress> _tableChannels = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<ConversationAddress, string> _unreachable = new();

    public IReadOnlyDictionary<ConversationAddress, string> Unreachable => _unreachable;

    public Task SaveAsync(ConversationAddress address, string referenceJson, CancellationToken cancellationToken, string? teamId = null)
    {
        _references[address] = referenceJson;
        _unreachable.TryRemove(address, out _);
        return Task.CompletedTask;
    }

    public Task<string?> UnreachableReasonAsync(ConversationAddress address, CancellationToken cancellationToken) =>
        Task.FromResult(_unreachable.TryGetValue(address, out var reason) ? reason : null);

    public Task<IReadOnlyList<string>> MarkTeamUnreachableAsync(string teamId, string reason, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<IReadOnlyList<string>> TablesLinkedToAsync(IReadOnlyCollection<string> channelKeys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_tableChannels.Where(t => channelKeys.Contains(t.Value.Key)).Select(t => t.Key).ToList());

    public Task<string?> FindAsync(ConversationAddress address, CancellationToken cancellationToken) =>
        Task.FromResult(_references.TryGetValue(address, out var json) ? json : null);

    public Task LinkTableChannelAsync(string tableId, ConversationAddress channel, CancellationToken cancellationToken)
    {
        _tableChannels[tableId] = channel;
        return Task.CompletedTask;
    }

    public Task<ConversationAddress?> FindTableChannelAsync(string tableId, CancellationToken cancellationToken) =>
        Task.FromResult(_tableChannels.TryGetValue(tableId, out var channel) ? channel : null);

    public Task<bool> MarkUnreachableAsync(ConversationAddress address, string reason, CancellationToken cancellationToken) =>
        Task.FromResult(_unreachable.TryAdd(address, reason));

    public Task ClearUnreachableAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        _unreachable.TryRemove(address, out _);
        return Task.CompletedTask;
    }
}
