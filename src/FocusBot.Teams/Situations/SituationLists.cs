using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Situations;

/// <summary>
/// "What's open?" and "my situations": the open and active situations of the member's tables, most urgent first,
/// a page at a time. In a channel only the tables linked to that channel are listed, so that a member who sits at two
/// tables never shows one table's situations to the other's channel.
/// </summary>
public sealed class SituationLists(
    SituationListing listing,
    IRosterStore roster,
    IConversationStore conversations,
    SituationCatalogue catalogue,
    TimeProvider time)
{
    /// <param name="page">Counted from 1; anything out of range shows the first or an empty last page.</param>
    /// <param name="channelId">The Teams channel the list is asked for in, or null in a personal chat.</param>
    public async Task<AdaptiveCard> PageAsync(SituationListScope scope, int page, TurnMember who, string? channelId,
        CancellationToken cancellationToken)
    {
        var tables = await TablesAsync(who, channelId, cancellationToken);
        if (tables.Count == 0)
        {
            return channelId is null
                ? NoticeCard.Of("NoTable", isError: false)
                : NoticeCard.Of("ChannelNotLinked", isError: false, Examples.LinkCommand(who));
        }

        var member = who.Member;
        var shown = await listing.OpenPageAsync(member, tables.Keys, agencyOnly: scope == SituationListScope.Mine, page, SituationListCard.PageSize,
            cancellationToken);
        var now = time.GetUtcNow();

        var rows = shown.Situations
            .Select(s => new SituationListRow(s, tables[s.TableId], channelId is null && s.RefusePostingBy(member) is null,
                channelId is null ? s.AssignmentToAnswer(member) : null))
            .ToList();
        var agencies = (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        return SituationListCard.Build(scope, rows, shown.Page, shown.Total, agencies, catalogue, now, inChannel: channelId is not null);
    }

    /// <summary>The "More" button: data <c>{ scope, page }</c>, both checked.</summary>
    public Task<AdaptiveCard> PageAsync(CardAction action, TurnMember who, string? channelId, CancellationToken cancellationToken)
    {
        SituationListScope? scope = action.Text("scope")?.ToLowerInvariant() switch
        {
            "open" => SituationListScope.Open,
            "mine" => SituationListScope.Mine,
            _ => null,
        };
        return scope is { } known && action.Number("page") is { } page
            ? PageAsync(known, page, who, channelId, cancellationToken)
            : Task.FromResult(NoticeCard.Of("ListDataMissing", isError: true));
    }

    /// <summary>Whether the situation is the member's table's and, in a channel, that channel is its table's channel.</summary>
    public async Task<bool> ShowsInAsync(Situation situation, TurnMember who, string? channelId, CancellationToken cancellationToken) =>
        (await TablesAsync(who, channelId, cancellationToken)).ContainsKey(situation.TableId);

    private async Task<Dictionary<string, Table>> TablesAsync(TurnMember who, string? channelId, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, Table>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in who.Tables)
        {
            if (channelId is null || await conversations.FindTableChannelAsync(table.Id, cancellationToken) == ConversationAddress.Channel(channelId))
            {
                tables[table.Id] = table;
            }
        }
        return tables;
    }
}
