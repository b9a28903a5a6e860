using FocusBot.Core.Roster;
using FocusBot.Teams.Commands;

namespace FocusBot.Teams.Cards;

/// <summary>Who this member is to FocusBot, and what it can do for them. Shown on install and for <c>help</c>.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(string? displayName, Member member, Agency? agency, IReadOnlyList<Table> tables,
        bool inChannel, bool isWelcome, string? notice = null)
    {
        var greeting = string.IsNullOrWhiteSpace(displayName) ? "Welcome to FocusBot" : $"Welcome to FocusBot, {FirstName(displayName)}";
        var card = new AdaptiveCard().Heading(isWelcome ? greeting : "What FocusBot can do");
        if (notice is not null) card.Add(Element.Text(notice, weight: "Bolder", color: "Attention"));

        card.Text("FocusBot helps your situation table act within 48 hours: accept assignments, post the 48-hour " +
                  "update, get meeting reminders and see what is open. It never needs a name, address or date of birth.");

        card.Facts(
            ("Role", RoleTitle(member.Role)),
            ("Agency", agency?.Name ?? member.AgencyId),
            ("Tables", tables.Count == 0 ? "none yet" : string.Join(", ", tables.Select(t => t.Name))));

        card.Text(WhatYouDo(member.Role));

        var commands = CommandCatalog.All
            .Where(c => inChannel ? c.InChannel : c.InPersonalChat)
            .Where(c => member.Role != MemberRole.Rep || c.Kind is not (BotCommandKind.NewSituation or BotCommandKind.LinkChannel))
            .Select(c => $"- **{c.Title}**: {c.Description}");
        card.Text("Type one of these" + (inChannel ? " after @FocusBot" : "") + ":\n" + string.Join("\n", commands));
        return card;
    }

    public static string RoleTitle(MemberRole role) => role switch
    {
        MemberRole.CoChair => "Co-chair",
        MemberRole.Admin => "Administrator",
        _ => "Agency representative",
    };

    private static string WhatYouDo(MemberRole role) => role switch
    {
        MemberRole.Rep =>
            "You will get a card when your agency is named on a situation: accept it as lead or assisting, or decline " +
            "with a reason. You will be reminded before each meeting and before a 48-hour update falls due.",
        _ =>
            "You record situations after the table's discussion, see every open situation of your tables, who has not " +
            "accepted and which updates are overdue, and conclude situations. In your table's team channel, type " +
            "**link <table>** once so that situation cards and the agenda are posted there.",
    };

    private static string FirstName(string displayName)
    {
        var name = displayName.Trim();
        return name.Length > 60 ? name[..60] : name;
    }
}
