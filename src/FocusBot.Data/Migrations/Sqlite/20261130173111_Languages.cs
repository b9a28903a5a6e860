using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocusBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Languages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "tables",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "en-CA");

            migrationBuilder.AddColumn<string>(
                name: "FormerAgencyId",
                table: "situation_events",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeId",
                table: "situation_events",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "situation_events",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "situation_events",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdateKindId",
                table: "situation_events",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WasOnTime",
                table: "situation_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "members",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeamsLocale",
                table: "members",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            // The English details become structured fields (the history is then drawn in each reader's language).
            migrationBuilder.Sql("""
                UPDATE situation_events SET "Role" = 'Lead' WHERE "Kind" IN ('Accepted', 'Declined', 'AskedAgain') AND "Detail" LIKE '% as lead';
                UPDATE situation_events SET "Role" = 'Assisting' WHERE "Kind" IN ('Accepted', 'Declined', 'AskedAgain') AND "Detail" LIKE '% as assisting';
                UPDATE situation_events SET "Role" = 'Assisting' WHERE "Kind" IN ('AssistingAdded', 'Released');
                UPDATE situation_events SET "Role" = 'Lead', "FormerAgencyId" = substr("Detail", 24)
                    WHERE "Kind" = 'LeadChanged' AND "Detail" LIKE 'named lead in place of %';
                UPDATE situation_events SET "OutcomeId" = substr("Detail", 9), "Status" = 'Concluded' WHERE "Kind" = 'Concluded' AND "Detail" LIKE 'outcome %';
                UPDATE situation_events SET "Status" = 'Active' WHERE "Kind" = 'Reopened' AND "Detail" = 're-opened as active';
                UPDATE situation_events SET "Status" = 'Open' WHERE "Kind" = 'Reopened' AND "Detail" = 're-opened as open';
                UPDATE situation_events SET "Status" = 'NotAer' WHERE "Kind" = 'Recorded' AND "Detail" LIKE 'threshold%';
                UPDATE situation_events SET "Status" = 'Open' WHERE "Kind" = 'Recorded' AND "Detail" LIKE 'lead %';
                UPDATE situation_events SET "AgencyId" = substr("Detail", 6, instr("Detail", ';') - 6)
                    WHERE "Kind" = 'Recorded' AND "AgencyId" IS NULL AND "Detail" LIKE 'lead %;%';
                UPDATE situation_events SET "UpdateKindId" = substr("Detail", instr("Detail", '(') + 1, instr("Detail", ')') - instr("Detail", '(') - 1)
                    WHERE "Kind" = 'UpdatePosted' AND instr("Detail", '(') > 0 AND instr("Detail", ')') > instr("Detail", '(');
                UPDATE situation_events SET "WasOnTime" = 1 WHERE "Kind" = 'UpdatePosted' AND "Detail" LIKE '48-hour update%on time';
                UPDATE situation_events SET "WasOnTime" = 0 WHERE "Kind" = 'UpdatePosted' AND "Detail" LIKE '48-hour update%late';
                """);

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "situation_events");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "tables");

            migrationBuilder.DropColumn(
                name: "FormerAgencyId",
                table: "situation_events");

            migrationBuilder.DropColumn(
                name: "OutcomeId",
                table: "situation_events");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "situation_events");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "situation_events");

            migrationBuilder.DropColumn(
                name: "UpdateKindId",
                table: "situation_events");

            migrationBuilder.DropColumn(
                name: "WasOnTime",
                table: "situation_events");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "members");

            migrationBuilder.DropColumn(
                name: "TeamsLocale",
                table: "members");

            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "situation_events",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");
        }
    }
}
