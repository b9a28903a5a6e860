using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Roster;
using FocusBot.Data;
using FocusBot.Data.Conversations;
using FocusBot.Data.Roster;
using FocusBot.Teams.Proactive;
using FocusBot.Testing;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Tests.Host;

/// <summary>
/// The outbox with real host processes (the built FocusBot.dll) on one PostgreSQL database, posting to a loopback
/// Bot Connector stand-in that records every post: several instances deliver each row once, and a host killed with
/// SIGKILL in the middle of a fan-out leaves nothing undelivered (README, "Delivery: nothing duplicated, nothing orphaned").
/// </summary>
public sealed partial class OutboxProcessTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("focusbot-outbox-").FullName;
    private readonly List<HostProcess> _hosts = [];
    private ConnectorStandIn _connector = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Two_host_processes_on_one_PostgreSQL_database_deliver_1000_outbox_rows_each_exactly_once()
    {
        // Notices to 1,000 people with a chat with FocusBot (not on the roster: no meeting reminders go to them).
        await ImportAsync(await SampleRoster.LoadAsync());
        var recipients = Enumerable.Range(1, 1000).Select(n => $"outbox.person{n}@load.example").ToList();
        await RememberPersonalChatsAsync(recipients);
        // Both instances are running and polling before the rows exist, so that both compete for them. 50 posts a
        // second each: one instance alone would need 20 s, so the other's polls (every second) find rows too, even when
        // its first pass (planning every table, in turn with the other instance) ends late.
        var started = await Task.WhenAll(StartHostAsync(("Teams__Pacing__PerAppPerSecond", "50")), StartHostAsync(("Teams__Pacing__PerAppPerSecond", "50")));
        var (hostA, hostB) = (started[0].Host, started[1].Host);

        await using (var db = _database.CreateContext())
        {
            var now = DateTimeOffset.UtcNow;
            db.Deliveries.AddRange(recipients.Select((email, n) => Delivery.Due(DeliveryKind.Notice, "demo", null,
                ConversationAddress.Personal(email).ToString(), now, text: $"Synthetic notice {n + 1}")));
            await db.SaveChangesAsync();
        }
        await WaitUntilAsync(async () => await CountAsync(DeliveryState.Sent) == 1000, TimeSpan.FromMinutes(4), hostA, hostB);
        await Task.Delay(TimeSpan.FromSeconds(1)); // a duplicate would have been posted by now

        var posts = PostsPerConversation("Synthetic notice");
        var notOnce = recipients.Where(email => posts.GetValueOrDefault(ConversationOf(email)) != 1).ToList();
        Assert.True(notOnce.Count == 0, $"{notOnce.Count} recipients did not get exactly one post, e.g. {notOnce.FirstOrDefault()}: " +
            string.Join("\n", _connector.Requests.Where(r => notOnce.Count > 0 && Uri.UnescapeDataString(r.RawTarget).Contains(notOnce[0])).Select(r => $"{r.Method} {r.RawTarget} {r.Body}")));
        Assert.Equal(1000, posts.Count);
        Assert.Equal(1000, posts.Values.Sum());
    }

    [Fact]
    public async Task A_host_killed_during_a_40_rep_fan_out_and_restarted_on_the_same_database_reaches_every_rep_at_most_one_twice()
    {
        var roster = await SampleRoster.LoadAsync();
        var reps = Enumerable.Range(1, 40).Select(n => $"fanout.rep{n}@northside-mh.example").ToList();
        // The lead agency's reps are the 40 (the sample's own Northside reps left out), each with a 1:1 chat with FocusBot.
        await ImportAsync(roster with { Members = [.. roster.Members.Where(m => m.AgencyId != "northside-mh"), .. reps.Select(Rep)] });
        await RememberPersonalChatsAsync(reps);
        _connector.AddUser("29:chair", "Dana Whitfield", "chair.demo@city.example");
        _connector.ActivityLatency = TimeSpan.FromMilliseconds(100);
        // The default dispatch (one send at a time: at most one post in flight when the host is killed); a claim left by
        // the dead host is taken again after 10 s (the least the host accepts).
        (string, string)[] settings = [("Reminders__ClaimTimeout", "00:00:10")];
        var first = await StartHostAsync(settings);
        string situationId;

        using (var http = new HttpClient { BaseAddress = new Uri(first.BaseUrl) })
        {
            var record = Activities.Invoke(_connector.ServiceUrl, "29:chair", "situation.record", new JsonObject
            {
                ["table"] = "demo", ["type"] = "person", ["ageGroup"] = "18-24", ["gender"] = "female",
                ["riskFactors"] = "housing,mental-health", ["summary"] = "Synthetic: repeated crisis calls.",
                ["originatingAgency"] = "tps-99", ["aerMet"] = "true", ["leadAgency"] = "northside-mh", ["assistingAgencies"] = "harbour-housing", ["submissionId"] = Guid.NewGuid().ToString(),
            });
            var answer = await Activities.PostAsync(http, record);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var card = await answer.Content.ReadAsStringAsync();
            // The situation's card is headed "Situation <id> · <table>" (a meeting reminder may mention the id too).
            situationId = SituationId().Match(card) is { Success: true } id ? $"\"text\":\"Situation {id.Value}" : throw new Xunit.Sdk.XunitException($"not recorded: {card}");
        }
        await WaitUntilAsync(() => Task.FromResult(RepsReached(reps, situationId).Count >= 10), TimeSpan.FromMinutes(4), first.Host);
        first.Host.KillNow();
        var reachedBeforeKill = RepsReached(reps, situationId).Count;
        Assert.True(reachedBeforeKill < 40, "the host was killed in the middle of the fan-out");

        var second = await StartHostAsync(settings);
        await WaitUntilAsync(() => Task.FromResult(RepsReached(reps, situationId).Count == 40), TimeSpan.FromMinutes(4), second.Host);
        await WaitUntilAsync(async () => await CountAsync(DeliveryState.Pending) + await CountAsync(DeliveryState.Claimed) == 0,
            TimeSpan.FromMinutes(4), second.Host);

        var posts = PostsPerConversation(situationId);
        Assert.All(reps, email => Assert.InRange(posts.GetValueOrDefault(ConversationOf(email)), 1, 2));
        var twice = reps.Where(email => posts[ConversationOf(email)] == 2).ToList();
        // The message is built only on failure: with no rep reached twice there is no first one to show.
        if (twice.Count > 1)
            Assert.Fail($"twice: {string.Join(", ", twice)}; the first's posts:\n" + string.Join("\n", _connector.Activities
                .Where(r => Uri.UnescapeDataString(r.RawTarget).Contains(twice[0])).Select(r => $"{r.Method} {r.RawTarget} {r.Body[..Math.Min(r.Body.Length, 700)]}")));
    }

    [Fact]
    public async Task A_recording_for_40_reps_at_250_ms_per_connector_call_reaches_each_rep_exactly_once()
    {
        var roster = await SampleRoster.LoadAsync();
        var reps = Enumerable.Range(1, 40).Select(n => $"fanout.rep{n}@northside-mh.example").ToList();
        await ImportAsync(roster with { Members = [.. roster.Members.Where(m => m.AgencyId != "northside-mh"), .. reps.Select(Rep)] });
        await RememberPersonalChatsAsync(reps);
        _connector.AddUser("29:chair", "Dana Whitfield", "chair.demo@city.example");
        _connector.ActivityLatency = TimeSpan.FromMilliseconds(250);
        var host = await StartHostAsync();

        var situationId = await RecordAsync(host.BaseUrl);
        await WaitUntilAsync(async () => await CountAsync(DeliveryState.Pending) + await CountAsync(DeliveryState.Claimed) == 0
            && RepsReached(reps, situationId).Count == 40, TimeSpan.FromMinutes(4), host.Host);
        await Task.Delay(TimeSpan.FromSeconds(1)); // a duplicate would have been posted by now

        var posts = PostsPerConversation(situationId);
        Assert.All(reps, email => Assert.Equal(1, posts.GetValueOrDefault(ConversationOf(email))));
    }

    /// <summary>Records a situation for the demo table as the co-chair (29:chair) and returns how its card is recognised in a post.</summary>
    private async Task<string> RecordAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var answer = await Activities.PostAsync(http, Activities.Invoke(_connector.ServiceUrl, "29:chair", "situation.record", new JsonObject
        {
            ["table"] = "demo", ["type"] = "person", ["ageGroup"] = "18-24", ["gender"] = "female",
            ["riskFactors"] = "housing,mental-health", ["summary"] = "Synthetic: repeated crisis calls.",
            ["originatingAgency"] = "tps-99", ["aerMet"] = "true", ["leadAgency"] = "northside-mh", ["assistingAgencies"] = "harbour-housing", ["submissionId"] = Guid.NewGuid().ToString(),
        }));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var card = await answer.Content.ReadAsStringAsync();
        return SituationId().Match(card) is { Success: true } id ? $"\"text\":\"Situation {id.Value}" : throw new Xunit.Sdk.XunitException($"not recorded: {card}");
    }

    private async Task<List<string>> FanOutToAsync(int count)
    {
        var roster = await SampleRoster.LoadAsync();
        var reps = Enumerable.Range(1, count).Select(n => $"fanout.rep{n}@northside-mh.example").ToList();
        await ImportAsync(roster with { Members = [.. roster.Members.Where(m => m.AgencyId != "northside-mh"), .. reps.Select(Rep)] });
        await RememberPersonalChatsAsync(reps);
        _connector.AddUser("29:chair", "Dana Whitfield", "chair.demo@city.example");
        return reps;
    }

    [Fact]
    public async Task A_rep_throttled_with_Retry_After_is_released_and_the_others_go_on_meanwhile_with_the_default_dispatch()
    {
        var reps = await FanOutToAsync(12);
        var host = await StartHostAsync();
        // The first rep's card posted (whichever rep the dispatcher takes first) is answered 429, Retry-After 2.
        _connector.AnswerFirstPost(r => r.RawTarget.Contains("/v3/conversations/a%3Afanout.rep", StringComparison.Ordinal) && r.Body.Contains("\"text\":\"Situation DM-"),
            new ScriptedResponse(HttpStatusCode.TooManyRequests, RetryAfter: "2"));

        var situationId = await RecordAsync(host.BaseUrl);
        // Every rep's card marked sent (a post the stand-in answered 429 is a post it received, not a card delivered).
        await WaitUntilAsync(async () =>
        {
            await using var db = _database.CreateContext();
            return await db.Deliveries.CountAsync(d => d.Kind == DeliveryKind.SituationCard && d.Recipient.StartsWith("personal:fanout.rep") && d.State == DeliveryState.Sent) == 12;
        }, TimeSpan.FromMinutes(2), host.Host);

        var cards = _connector.Activities.Where(r => r.Method == "POST" && r.RawTarget.Contains("/v3/conversations/a%3Afanout.rep", StringComparison.Ordinal)
            && r.Body.Contains(situationId)).Select(r => PostTarget().Match(r.RawTarget).Groups[1].Value).ToList();
        var throttled = cards[0];
        // Tried twice, and its second try came after every other rep's card: it was not waited out inside the send,
        // which (one send at a time) would have held up the eleven others for its Retry-After.
        Assert.True(cards.Count(c => c == throttled) == 2 && cards[^1] == throttled, $"throttled {throttled}; card posts in order:\n{string.Join("\n", cards)}");
        Assert.Equal(13, cards.Count);
    }

    [Fact]
    public async Task A_host_stopped_with_SIGTERM_during_a_fan_out_finishes_and_records_the_send_on_its_way_so_a_restart_sends_nothing_twice()
    {
        var reps = await FanOutToAsync(12);
        _connector.ActivityLatency = TimeSpan.FromMilliseconds(400);
        (string, string)[] settings = [("Reminders__ClaimTimeout", "00:00:10")];
        var first = await StartHostAsync(settings);

        var situationId = await RecordAsync(first.BaseUrl);
        await WaitUntilAsync(() => Task.FromResult(RepsReached(reps, situationId).Count >= 3), TimeSpan.FromMinutes(2), first.Host);
        // The stand-in records a post when it arrives and answers 400 ms later: one is on its way now.
        Assert.Equal(0, await first.Host.StopGracefullyAsync(TimeSpan.FromSeconds(60)));
        var reachedBeforeStop = RepsReached(reps, situationId);
        Assert.InRange(reachedBeforeStop.Count, 3, 11);
        // Every card Teams received before the stop is recorded as sent: none is left for a restart to send again.
        await using (var db = _database.CreateContext())
        {
            var sent = await db.Deliveries.Where(d => d.Kind == DeliveryKind.SituationCard && d.State == DeliveryState.Sent)
                .Select(d => d.Recipient).ToListAsync();
            Assert.All(reachedBeforeStop, email => Assert.Contains(ConversationAddress.Personal(email).ToString(), sent));
            Assert.Equal(0, await db.Deliveries.CountAsync(d => d.State == DeliveryState.Claimed));
        }
        Assert.Contains("the sends on their way were finished and recorded", first.Host.Output);

        var second = await StartHostAsync(settings);
        await WaitUntilAsync(() => Task.FromResult(RepsReached(reps, situationId).Count == 12), TimeSpan.FromMinutes(2), second.Host);
        await WaitUntilAsync(async () => await CountAsync(DeliveryState.Pending) + await CountAsync(DeliveryState.Claimed) == 0,
            TimeSpan.FromMinutes(2), second.Host);

        var posts = PostsPerConversation(situationId);
        Assert.All(reps, email => Assert.Equal(1, posts.GetValueOrDefault(ConversationOf(email))));
    }

    private static Member Rep(string email) => new() { Email = email, AgencyId = "northside-mh", Role = MemberRole.Rep, TableIds = ["demo"] };

    private static string ConversationOf(string email) => $"a:{email}";

    private async Task ImportAsync(Core.Roster.Roster roster)
    {
        await using var db = _database.CreateContext();
        await new EfRosterStore(db).ReplaceAsync(roster, default);
    }

    /// <summary>Each recipient has installed FocusBot: a stored personal chat, at the stand-in, whose id names them.</summary>
    private async Task RememberPersonalChatsAsync(IEnumerable<string> emails)
    {
        await using var db = _database.CreateContext();
        db.Conversations.AddRange(emails.Select(email => new StoredConversation
        {
            Kind = ConversationKind.Personal,
            Key = email,
            UpdatedAt = DateTimeOffset.UtcNow,
            ReferenceJson = StoredReference.Write(new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = _connector.ServiceUrl,
                Bot = new ChannelAccount("28:focusbot", "FocusBot"),
                User = new ChannelAccount($"29:{email}"),
                Conversation = new ConversationAccount(id: ConversationOf(email), conversationType: "personal", tenantId: "tenant-1"),
            }),
        }));
        await db.SaveChangesAsync();
    }

    private async Task<(HostProcess Host, string BaseUrl)> StartHostAsync(params (string Name, string Value)[] settings)
    {
        var baseUrl = $"http://127.0.0.1:{HostProcess.FreePort()}";
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__FocusBot"] = _database.ConnectionString,
            ["Database__Provider"] = "Postgres",
            ["Reminders__Enabled"] = "true",
            ["Reminders__PollInterval"] = "00:00:01",
            ["MicrosoftAppId"] = "",
        };
        foreach (var (name, value) in settings) environment[name] = value;
        var host = HostProcess.Start(_folder, ["--urls", baseUrl], environment);
        lock (_hosts) _hosts.Add(host);
        await host.WaitForHealthAsync(baseUrl);
        return (host, baseUrl);
    }

    private async Task<int> CountAsync(DeliveryState state)
    {
        await using var db = _database.CreateContext();
        return await db.Deliveries.CountAsync(d => d.State == state);
    }

    /// <summary>Posts (not updates) of an activity that mentions <paramref name="about"/>, per conversation id, as the stand-in received them.</summary>
    private Dictionary<string, int> PostsPerConversation(string about) => _connector.Activities
        .Where(r => r.Method == "POST" && r.Body.Contains(about))
        .Select(r => Uri.UnescapeDataString(PostTarget().Match(r.RawTarget).Groups[1].Value))
        .GroupBy(id => id)
        .ToDictionary(g => g.Key, g => g.Count());

    private List<string> RepsReached(IEnumerable<string> reps, string situationId)
    {
        var posts = PostsPerConversation(situationId);
        return reps.Where(email => posts.ContainsKey(ConversationOf(email))).ToList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan limit, params HostProcess[] hosts)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not done in {limit}:\n{string.Join("\n---\n", hosts.Select(h => h.Output[^Math.Min(h.Output.Length, 4000)..]))}");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex("^/v3/conversations/([^/]+)/activities")]
    private static partial Regex PostTarget();

    [GeneratedRegex(@"DM-\d{4}-\d{4}")]
    private static partial Regex SituationId();

    [GeneratedRegex(@"Outbox: (\d+) sent")]
    private static partial Regex OutboxSent();
}
