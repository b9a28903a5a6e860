using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FocusBot.Core.Conversations;
using FocusBot.Core.Meetings;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Data;
using FocusBot.Reminders;
using FocusBot.Testing;
using FocusBot.Tests.Host;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Tests.Reminders;

public sealed class ReminderHostTests : IAsyncLifetime
{
    private const string Summary = "Repeated crisis calls; eviction notice served.";
    private FocusBotApp _app = null!;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;
    private readonly RecordingSender _chat = new();
    private readonly SwitchableCalendar _calendar = new();

    public async Task InitializeAsync()
    {
        _app = await FocusBotApp.StartAsync(settings: new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" });
        // UseSetting as well: Program reads Reminders:Enabled while it registers services, before app configuration applies,
        // and a hosted worker would race the test's own passes.
        _host = _app.WithWebHostBuilder(builder => builder.UseSetting("Reminders:Enabled", "false").ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Scoped<IChatSender>(_ => _chat));
            services.Replace(ServiceDescriptor.Singleton<IMeetingCalendar>(_calendar));
        }));
        _client = _host.CreateClient();
        var roster = await File.ReadAllTextAsync(SampleRoster.Path);
        (await _client.PutAsync("/api/v1/roster", new StringContent(roster, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    private async Task<string> RecordSituationAsync()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/situations", new
        {
            table = "demo", type = "person", ageGroup = "18-24", gender = "female", riskFactors = new[] { "mental-health", "housing" },
            summary = Summary, originatingAgency = "tps-99", leadAgency = "northside-mh", assistingAgencies = new[] { "harbour-housing" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_agenda_api_lists_the_new_situation_de_identified_with_the_next_meeting_on_the_tables_clock()
    {
        var id = await RecordSituationAsync();

        var response = await _client.GetAsync("/api/v1/tables/demo/agenda");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var agenda = JsonDocument.Parse(body).RootElement;
        var meeting = agenda.GetProperty("nextMeeting");
        Assert.Equal("America/Toronto", meeting.GetProperty("timeZone").GetString());
        var local = meeting.GetProperty("localStart").GetDateTimeOffset();
        Assert.Equal((DayOfWeek.Tuesday, 10, 0), (local.DayOfWeek, local.Hour, local.Minute));
        var item = Assert.Single(agenda.GetProperty("newSituations").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal(["harbour-housing", "northside-mh"], item.GetProperty("unacceptedAgencies").EnumerateArray().Select(a => a.GetString()).Order());
        Assert.Equal(id, Assert.Single(agenda.GetProperty("unacceptedAssignments").EnumerateArray()).GetProperty("id").GetString());
        Assert.DoesNotContain("eviction", body);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/tables/nowhere/agenda")).StatusCode);
    }

    [Fact]
    public async Task The_reminders_api_shows_what_the_worker_planned_and_refuses_a_bad_instant()
    {
        await RecordSituationAsync();
        await Worker().RunOnceAsync(default);

        var before = DateTimeOffset.UtcNow.AddDays(8).ToString("O");
        var reminders = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/reminders?before={Uri.EscapeDataString(before)}");

        var kinds = reminders.EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToHashSet();
        Assert.Contains("meetingAgenda", kinds);
        Assert.Contains("unacceptedAssignment", kinds);
        Assert.All(reminders.EnumerateArray(), r => Assert.Equal("planned", r.GetProperty("state").GetString()));
        var dueTimes = reminders.EnumerateArray().Select(r => r.GetProperty("dueAt").GetDateTimeOffset()).ToList();
        Assert.Equal(dueTimes.Order(), dueTimes);

        var bad = await _client.GetAsync("/api/v1/reminders?before=next-tuesday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("before", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_agenda_reminder_posts_the_de_identified_agenda_in_the_linked_channel_once()
    {
        var id = await RecordSituationAsync();
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var conversations = scope.ServiceProvider.GetRequiredService<IConversationStore>();
            var channel = ConversationAddress.Channel("19:demo@thread.tacv2");
            await conversations.SaveAsync(channel, "{}", default);
            await conversations.LinkTableChannelAsync("demo", channel, default);
        }
        // The calendar has the meeting 58 minutes from now: the 1-hour agenda is two minutes late, still worth sending.
        var start = DateTimeOffset.UtcNow.AddMinutes(58);
        _calendar.Meeting = new MeetingOccurrence(start, start.AddMinutes(90), "https://teams.example/join/demo");

        await Worker().RunOnceAsync(default);
        await Worker().RunOnceAsync(default);

        // The situation's own card reaches the channel through the outbox too; the agenda is posted once.
        var posted = Assert.Single(_chat.Sent, s => s.To.Kind == ConversationKind.Channel && s.Message.CardJson?.Contains("https://teams.example/join/demo") == true);
        Assert.Equal("19:demo@thread.tacv2", posted.To.Key);
        Assert.Contains(id, posted.Message.CardJson);
        Assert.Contains("https://teams.example/join/demo", posted.Message.CardJson);
        Assert.DoesNotContain("eviction", posted.Message.CardJson);
    }

    [Fact]
    public async Task The_worker_keeps_running_when_the_calendar_fails_and_a_table_has_no_channel()
    {
        await SeedAgendaDueNowAsync(null);
        _calendar.Fail = true;

        await Worker().RunOnceAsync(default);
        await Worker().RunOnceAsync(default);
        // The co-chairs' notices are due a few seconds after they are written (gathered with any written meanwhile).
        await Task.Delay(FocusBot.Core.Deliveries.SituationDeliveries.NoticeGathering);
        await Worker().RunOnceAsync(default);

        await using var db = _app.Database.CreateContext();
        var agenda = await db.Reminders.AsNoTracking().SingleAsync(r => r.Kind == ReminderKind.MeetingAgenda);
        Assert.Equal(ReminderState.Failed, agenda.State);
        Assert.Contains("no channel is linked", agenda.LastError);
        // Both co-chairs and the table's administrator were told how to link the channel, once.
        Assert.Equal(3, _chat.Sent.Count(s => s.Message.Text?.Contains("link demo") == true));
    }

    private ReminderWorker Worker() => ActivatorUtilities.CreateInstance<ReminderWorker>(_host.Services);

    private async Task SeedAgendaDueNowAsync(string? joinUrl)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IReminderStore>().ApplyPlanAsync("demo",
            [new PlannedReminder(ReminderKind.MeetingAgenda, "demo", null, ReminderTarget.TableChannel, now.AddMinutes(58), now.AddMinutes(-2), joinUrl)],
            now, default);
    }

    private sealed class RecordingSender : IChatSender
    {
        public ConcurrentQueue<(ConversationAddress To, OutgoingMessage Message)> Sent { get; } = new();

        public Task<DeliveryResult> SendAsync(ConversationAddress to, OutgoingMessage message, CancellationToken cancellationToken)
        {
            Sent.Enqueue((to, message));
            return Task.FromResult(new DeliveryResult(DeliveryStatus.Delivered, Guid.NewGuid().ToString()));
        }

        public Task<DeliveryResult> UpdateAsync(ConversationAddress to, string activityId, OutgoingMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(new DeliveryResult(DeliveryStatus.Delivered, activityId));
    }

    /// <summary>The roster's schedule, or one given meeting, or an unexpected failure (not a CalendarUnavailableException).</summary>
    private sealed class SwitchableCalendar : IMeetingCalendar
    {
        public bool Fail { get; set; }
        public MeetingOccurrence? Meeting { get; set; }

        public Task<IReadOnlyList<MeetingOccurrence>> GetMeetingsAsync(Table table, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            if (Fail) throw new InvalidOperationException("Graph returned something nobody expected");
            if (Meeting is { } meeting)
                return Task.FromResult<IReadOnlyList<MeetingOccurrence>>(meeting.Start >= from && meeting.Start < to ? [meeting] : []);
            return new RosterScheduleCalendar().GetMeetingsAsync(table, from, to, cancellationToken);
        }
    }
}
