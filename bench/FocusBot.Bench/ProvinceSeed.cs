// The synthetic province of the `province` bench (issue 16, point 3): 60 tables, ~150 agencies, 1,200 members and
// 100,000 situations over ten years, made by the domain's own methods (recorded, accepted, declined, updated, concluded,
// so every row is one FocusBot could have written) and written in bulk: PostgreSQL's binary COPY, SQLite's prepared
// INSERTs in one transaction. No personal data: ids, catalogue choices and stock sentences only.
using System.Data.Common;
using System.Diagnostics;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

sealed class ProvinceWorld
{
    public required Roster Roster { get; init; }
    public required List<Member> CoChairs { get; init; }
    /// <summary>Reps by (table, agency).</summary>
    public required Dictionary<(string Table, string Agency), List<Member>> Reps { get; init; }
    public required Dictionary<string, List<string>> AgenciesOfTable { get; init; }

    public static ProvinceWorld Build(int tables, int members)
    {
        List<TableDocument?> tableDocs = [];
        List<AgencyDocument?> agencyDocs = [];
        List<MemberDocument?> memberDocs = [];
        var doc = new RosterDocument { Tables = tableDocs, Agencies = agencyDocs, Members = memberDocs };
        var police = Math.Max(1, tables / 3);
        const int community = 130;
        agencyDocs.Add(new AgencyDocument { Id = "city", Name = "City Community Safety", Sector = "Municipal services", EmailDomains = ["city.example"] });
        for (var p = 1; p <= police; p++)
            agencyDocs.Add(new AgencyDocument { Id = $"police-{p:00}", Name = $"Police Division {p}", Sector = "Police", EmailDomains = [$"police{p:00}.example"] });
        string[] sectors = ["Mental health", "Housing", "Youth services", "Addictions", "Health care", "Child welfare", "Education", "Income support", "Seniors"];
        for (var c = 1; c <= community; c++)
            agencyDocs.Add(new AgencyDocument { Id = $"agency-{c:000}", Name = $"Community Agency {c}", Sector = sectors[c % sectors.Length], EmailDomains = [$"agency{c:000}.example"] });

        var agenciesOfTable = new Dictionary<string, List<string>>();
        for (var t = 0; t < tables; t++)
        {
            var id = $"t{t + 1:00}";
            tableDocs.Add(new TableDocument
            {
                Id = id, Name = $"Situation Table {t + 1}", Code = $"P{(char)('A' + t / 26)}{(char)('A' + t % 26)}", Divisions = [$"{t + 1}"],
                TimeZone = "America/Toronto",
                Meeting = new MeetingDocument { Day = ((DayOfWeek)(1 + t % 5)).ToString(), Start = "10:00", Minutes = 90, Organizer = $"focus-{id}@city.example", RemindBefore = ["24h", "1h"] },
            });
            // Each table: the city, its police division and 16 community agencies of its region (each agency serves ~8 tables).
            var list = new List<string> { "city", $"police-{t / 3 + 1:00}" };
            for (var k = 0; k < 16; k++) list.Add($"agency-{(t * 2 + k) % community + 1:000}");
            agenciesOfTable[id] = list;
        }

        // Two co-chairs per table (the city and the police), then one rep per (table, agency), then second reps (who
        // also sit at the next table where their agency is) until the roster has `members` people.
        var n = 0;
        foreach (var (table, agencies) in agenciesOfTable)
        {
            memberDocs.Add(new MemberDocument { Email = $"chair.{table}@city.example", Agency = "city", Tables = [table], Role = "cochair" });
            memberDocs.Add(new MemberDocument { Email = $"chair.{table}@{Domain(agencies[1])}", Agency = agencies[1], Tables = [table], Role = "cochair" });
        }
        foreach (var (table, agencies) in agenciesOfTable)
            foreach (var agency in agencies.Skip(1))
                if (memberDocs.Count < members) memberDocs.Add(new MemberDocument { Email = $"rep{++n}@{Domain(agency)}", Agency = agency, Tables = [table], Role = "rep" });
        var tableIds = agenciesOfTable.Keys.ToList();
        for (var i = 0; memberDocs.Count < members; i++)
        {
            var table = tableIds[i % tableIds.Count];
            var agency = agenciesOfTable[table][2 + i / tableIds.Count % 16];
            var next = tableIds.FirstOrDefault(t => t != table && agenciesOfTable[t].Contains(agency));
            memberDocs.Add(new MemberDocument { Email = $"rep{++n}@{Domain(agency)}", Agency = agency, Tables = next is null ? [table] : [table, next], Role = "rep" });
        }

        var validation = RosterValidator.Validate(doc);
        if (validation.Roster is not { } roster) throw new InvalidOperationException("synthetic roster invalid: " + string.Join("; ", validation.Problems.Take(5)));
        var reps = new Dictionary<(string, string), List<Member>>();
        foreach (var m in roster.Members.Where(m => m.Role == MemberRole.Rep))
            foreach (var t in m.TableIds)
            {
                if (!reps.TryGetValue((t, m.AgencyId), out var list)) reps[(t, m.AgencyId)] = list = [];
                list.Add(m);
            }
        return new ProvinceWorld
        {
            Roster = roster, Reps = reps, AgenciesOfTable = agenciesOfTable,
            CoChairs = [.. roster.Members.Where(m => m.Role == MemberRole.CoChair)],
        };

        static string Domain(string agency) => agency == "city" ? "city.example" : agency.StartsWith("police-") ? $"police{agency[7..]}.example" : $"agency{agency[7..]}.example";
    }

    public Member CoChairOf(string table) => CoChairs.First(c => c.TableIds[0] == table);
}

/// <summary>Makes one table's situations, oldest first, as the domain would have recorded them.</summary>
sealed class SituationGenerator(ProvinceWorld world, SituationCatalogue catalogue, DateTimeOffset now, int seed)
{
    private static readonly string[] Summaries =
    [
        "Repeated crisis calls; eviction notice served.", "Missed school for three weeks; conflict at home.",
        "Frequent emergency visits; no follow-up care.", "Unit in poor repair; neighbours report disturbances.",
        "Lost income support; food insecurity reported.", "Recent release; no stable housing arranged.",
    ];
    private static readonly string[] Notes =
    [
        "Home visit done; follow-up booked.", "Connected to the drop-in program.", "Waiting list for counselling confirmed.",
        "Case conference held with the school.", "Housing application submitted.", "Did not answer; will try again this week.",
    ];
    private readonly Random _random = new(seed);
    private readonly NewSituationValidator _validator = new(catalogue);

    /// <param name="count">How many situations the table gets, spread over ten years up to <c>now</c>.</param>
    /// <param name="openWindow">Situations recorded this close to now are still open or active; older ones are concluded.</param>
    public List<Situation> ForTable(Table table, int count, TimeSpan openWindow)
    {
        var zone = table.TimeZone;
        var start = now.AddYears(-10);
        var span = (now - start).TotalMinutes;
        // Meeting days: discussions happen in the table's meeting hours, in its time zone.
        var times = Enumerable.Range(0, count).Select(_ =>
        {
            var day = start.AddMinutes(_random.NextDouble() * span);
            var local = TimeZoneInfo.ConvertTime(day, zone).Date.AddHours(10).AddMinutes(_random.Next(0, 90));
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }).Where(t => t < now - TimeSpan.FromHours(1)).Order().ToList();

        var counters = new Dictionary<int, int>();
        var list = new List<Situation>(times.Count);
        var agencies = world.AgenciesOfTable[table.Id];
        var chair = world.CoChairOf(table.Id);
        foreach (var at in times)
        {
            var year = TimeZoneInfo.ConvertTime(at, zone).Year;
            counters[year] = counters.GetValueOrDefault(year) + 1;
            list.Add(One(table, SituationId.Create(table.Code, year, counters[year]), at, agencies, chair, now - at < openWindow));
        }
        return list;
    }

    private Situation One(Table table, SituationId id, DateTimeOffset at, List<string> agencies, Member chair, bool recent)
    {
        var aer = _random.NextDouble() >= 0.1;
        var type = _random.NextDouble() switch { < 0.8 => "person", < 0.95 => "family", _ => "environment" };
        var lead = agencies[2 + _random.Next(agencies.Count - 2)];
        var assisting = agencies.Skip(1).Where(a => a != lead).OrderBy(_ => _random.Next()).Take(_random.Next(1, 3)).ToList();
        var request = new NewSituationRequest
        {
            Table = table.Id, Type = type, AgeGroup = Pick(catalogue.AgeGroups), Gender = Pick(catalogue.Genders),
            RiskFactors = catalogue.RiskFactors.OrderBy(_ => _random.Next()).Take(_random.Next(2, 5)).Select(r => r.Id).ToList(),
            OriginatingAgency = _random.NextDouble() < 0.5 ? agencies[1] : agencies[_random.Next(agencies.Count)],
            AerMet = aer, PeopleCount = type switch { "family" => _random.Next(2, 7), "environment" => 0, _ => 1 },
            Summary = aer ? Summaries[_random.Next(Summaries.Length)] : null,
            LeadAgency = aer ? lead : null, AssistingAgencies = aer ? assisting : [],
        };
        var checkedRequest = _validator.Validate(request, chair, world.Roster.Tables, world.Roster.Agencies);
        var situation = Situation.Record(id, checkedRequest.NewSituation ?? throw new InvalidOperationException(string.Join("; ", checkedRequest.Problems.SelectMany(p => p.Value))), at);
        if (!aer) return situation;

        // Answers within two days; 5% of assisting agencies decline. The lead's 48-hour update comes 12-48 hours after the
        // lead's acceptance (on time mostly), then an update a week until it is concluded two to eight weeks later.
        var limit = recent ? now : DateTimeOffset.MaxValue;
        var leadRep = RepOf(table, lead);
        var t = at + TimeSpan.FromHours(1 + _random.NextDouble() * 29);
        if (t >= limit) return situation;
        Check(situation.Accept(lead, leadRep, t));
        foreach (var a in assisting)
        {
            var answer = at + TimeSpan.FromHours(2 + _random.NextDouble() * 46);
            if (answer >= limit) continue;
            Check(_random.NextDouble() < 0.05
                ? situation.Decline(a, RepOf(table, a), "Caseload is full this month.", answer)
                : situation.Accept(a, RepOf(table, a), answer));
        }
        var update = t + TimeSpan.FromHours(12 + _random.NextDouble() * 36);
        var weeks = _random.Next(2, 9);
        for (var w = 0; w <= weeks && update < limit; w++)
        {
            var by = w == 0 || _random.NextDouble() < 0.6 ? leadRep
                : situation.AssistingAssignments.Where(a => a.State == AssignmentState.Accepted).Select(a => RepOf(table, a.AgencyId)).FirstOrDefault() ?? leadRep;
            Check(situation.PostUpdate(by, Pick(catalogue.UpdateKinds), Notes[_random.Next(Notes.Length)], _random.NextDouble() < 0.5 ? "Report back next meeting." : null,
                _random.NextDouble() < 0.2 ? [Pick(catalogue.Barriers)] : [], catalogue, update,
                _random.NextDouble() < 0.4 ? [Pick(catalogue.Services)] : []));
            update += TimeSpan.FromDays(7) + TimeSpan.FromHours(_random.NextDouble() * 4 - 2);
        }
        var concluded = update + TimeSpan.FromDays(_random.Next(0, 7));
        if (concluded < limit) Check(situation.Conclude(world.CoChairOf(table.Id), Pick(catalogue.Outcomes), catalogue, concluded));
        return situation;
    }

    private Member RepOf(Table table, string agency)
    {
        var reps = world.Reps[(table.Id, agency)];
        return reps[_random.Next(reps.Count)];
    }

    private string Pick(CatalogueList list) => list[_random.Next(list.Count)].Id;

    private static void Check(SituationResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"seed step refused: {result.Message}");
    }
}

/// <summary>Writes tracked, added entities in bulk, column by column as the EF model maps them.</summary>
static class BulkWriter
{
    /// <summary>Every entity the context tracks as added, written with COPY (PostgreSQL) or prepared INSERTs (SQLite); the tracker is cleared.</summary>
    public static async Task WriteAddedAsync(FocusBotDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var byType = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        // Parents first: situations before their rows.
        foreach (var group in byType.OrderBy(g => g.Key.ClrType == typeof(Situation) ? 0 : 1))
        {
            var type = group.Key;
            var table = type.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            var properties = type.GetProperties().Where(p => p.GetColumnName(store) is not null).ToList();
            var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(store)}\""));
            if (connection is NpgsqlConnection npgsql)
            {
                await using var importer = await npgsql.BeginBinaryImportAsync($"COPY \"{table}\" ({columns}) FROM STDIN (FORMAT BINARY)");
                foreach (var entry in group)
                {
                    await importer.StartRowAsync();
                    foreach (var p in properties)
                    {
                        var value = entry.Property(p.Name).CurrentValue;
                        if (value is not null && p.GetTypeMapping().Converter is { } converter) value = converter.ConvertToProvider(value);
                        if (value is null) await importer.WriteNullAsync();
                        else await importer.WriteAsync(value);
                    }
                }
                await importer.CompleteAsync();
            }
            else
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO \"{table}\" ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
                foreach (var entry in group)
                {
                    command.Parameters.Clear();
                    for (var i = 0; i < properties.Count; i++)
                    {
                        var p = properties[i];
                        command.Parameters.Add(((Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping)p.GetTypeMapping())
                            .CreateParameter(command, $"@p{i}", entry.Property(p.Name).CurrentValue, p.IsNullable));
                    }
                    await command.ExecuteNonQueryAsync();
                }
                await transaction.CommitAsync();
            }
        }
        db.ChangeTracker.Clear();
    }
}

static class ProvinceSeeder
{
    /// <summary>Imports the world's roster and writes its situations in chunks; returns (situations, child rows, seconds).</summary>
    public static async Task<(int Situations, long Rows, double Seconds)> SeedAsync(Func<FocusBotDbContext> context, ProvinceWorld world,
        int situations, DateTimeOffset now, TimeSpan openWindow, int seed)
    {
        var clock = Stopwatch.StartNew();
        await using (var db = context()) await new FocusBot.Data.Roster.EfRosterStore(db).ReplaceAsync(world.Roster, default);
        var catalogue = new SituationCatalogue();
        var perTable = situations / world.Roster.Tables.Count;
        int made = 0;
        long rows = 0;
        foreach (var (table, i) in world.Roster.Tables.Select((t, i) => (t, i)))
        {
            var generator = new SituationGenerator(world, catalogue, now, seed + i);
            var list = generator.ForTable(table, perTable + (i < situations % world.Roster.Tables.Count ? 1 : 0), openWindow);
            await using var db = context();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Situations.AddRange(list);
            rows += db.ChangeTracker.Entries().Count();
            await BulkWriter.WriteAddedAsync(db);
            made += list.Count;
        }
        await using (var db = context())
        {
            // PostgreSQL's autovacuum would analyze the new rows soon after; SQLite is never analyzed by FocusBot.
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        return (made, rows, clock.Elapsed.TotalSeconds);
    }
}
