using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Figures;
using FocusBot.Core.Situations;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using Microsoft.Bot.Builder;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Figures;

/// <summary>
/// <c>stats</c> (or <c>stats rexdale</c>): the figures of the tables the member co-chairs over the last 12 months.
/// In a table's channel, that table's figures.
/// </summary>
public sealed class StatsCommand(FigureReports figures, IConversationStore conversations, SituationCatalogue catalogue, TimeProvider time)
{
    public async Task ShowAsync(ITurnContext turnContext, TurnMember who, string? tableText, CancellationToken cancellationToken)
    {
        var tables = who.Tables.Where(t => who.Member.IsCoChairOf(t.Id)).ToList();
        if (!ConversationReferences.IsPersonal(turnContext.Activity))
        {
            var channel = ConversationReferences.AddressOf(turnContext, null);
            var linked = new List<Core.Roster.Table>();
            foreach (var table in tables)
            {
                if (channel is not null && await conversations.FindTableChannelAsync(table.Id, cancellationToken) == channel) linked.Add(table);
            }
            tables = linked;
        }
        if (tableText is not null)
            tables = tables.Where(t => t.Id.Equals(tableText, StringComparison.OrdinalIgnoreCase) || t.Name.Equals(tableText, StringComparison.OrdinalIgnoreCase)).ToList();

        if (tables.Count == 0)
        {
            await SendAsync(turnContext, NoticeCard.Of("FiguresCoChairs", isError: false,
                Examples.Command("Command.Stats.Title"), Examples.Command("Command.Stats.Title", Examples.TableId(who))), cancellationToken);
            return;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), tables[0].TimeZone).DateTime);
        var report = await figures.ReportAsync(tables, FiguresPeriod.LastTwelveMonths(today), cancellationToken);
        await SendAsync(turnContext, FiguresCard.Build(report, tables, catalogue), cancellationToken);
    }

    private static Task SendAsync(ITurnContext turnContext, AdaptiveCard card, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardAttachment.Message(card), cancellationToken);
}
