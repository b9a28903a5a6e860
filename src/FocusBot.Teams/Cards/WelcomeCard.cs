using FocusBot.Core.Roster;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Commands;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards;

/// <summary>
/// Who this member is to FocusBot, and what it can do for them. Shown on install and for <c>help</c>, in the member's
/// language. The commands offered are those their role may use (a rep is not offered co-chairs' commands), each with
/// an example from their own roster.
/// </summary>
public static class WelcomeCard
{
    /// <param name="now">Today's year goes into the example situation id.</param>
    public static AdaptiveCard Build(string? displayName, TurnMember who, bool inChannel, bool isWelcome, DateTimeOffset now, string? notice = null)
    {
        var member = who.Member;
        var greeting = string.IsNullOrWhiteSpace(displayName) ? Texts.Get("Welcome.Greeting") : Texts.Get("Welcome.GreetingNamed", FirstName(displayName));
        var card = new AdaptiveCard().Heading(isWelcome ? greeting : Texts.Get("Welcome.HelpHeading"));
        if (notice is not null) card.Add(Element.Text(notice, weight: "Bolder", color: "Attention"));

        card.Text(Texts.Get("Welcome.Intro"));

        card.Facts(
            (Texts.Get("Welcome.Role"), RoleTitle(member.Role)),
            (Texts.Get("Change.Agency"), who.Agency?.Name ?? member.AgencyId),
            (Texts.Get("Welcome.Tables"), who.Tables.Count == 0 ? Texts.Get("Welcome.NoTables") : string.Join(", ", who.Tables.Select(t => t.Name))));

        card.Text(WhatYouDo(who));

        var isCoChair = member.Role != MemberRole.Rep;
        var commands = CommandCatalog.All
            .Where(c => isCoChair || !c.CoChairsOnly)
            .Where(c => inChannel ? c.InChannel : c.InPersonalChat || (isCoChair && c.Kind == BotCommandKind.LinkChannel))
            .Select(c => Texts.Get("Welcome.CommandLine", Typed(c, who, now), c.Description));
        card.Text(Texts.Get(inChannel ? "Welcome.TypeInChannel" : "Welcome.Type") + "\n" + string.Join("\n", commands));
        return card;
    }

    public static string RoleTitle(MemberRole role) => Texts.Get(role switch
    {
        MemberRole.CoChair => "Role.CoChair",
        MemberRole.Admin => "Role.Admin",
        _ => "Role.Rep",
    });

    private static string Typed(CommandDescription command, TurnMember who, DateTimeOffset now) => command.Kind switch
    {
        BotCommandKind.ShowSituation or BotCommandKind.PostUpdate => $"{command.Title} {Examples.SituationId(who, now.Year)}",
        BotCommandKind.LinkChannel => $"{command.Title} {Examples.TableId(who)}",
        BotCommandKind.Language => Texts.Get("Command.Language.Example"),
        _ => command.Title,
    };

    private static string WhatYouDo(TurnMember who) => who.Member.Role switch
    {
        MemberRole.Rep => Texts.Get("Welcome.RepDoes"),
        _ => Texts.Get("Welcome.CoChairDoes", Examples.LinkCommand(who)),
    };

    private static string FirstName(string displayName)
    {
        var name = displayName.Trim();
        return name.Length > 60 ? name[..60] : name;
    }
}
