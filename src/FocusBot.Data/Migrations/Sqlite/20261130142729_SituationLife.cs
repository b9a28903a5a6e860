using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocusBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SituationLife : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AerMet",
                table: "situations",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "PeopleCount",
                table: "situations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ServiceIds",
                table: "situation_updates",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "ReleasedAt",
                table: "assignments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReleasedByEmail",
                table: "assignments",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdateDueAt",
                table: "assignments",
                type: "INTEGER",
                nullable: true);

            // Situations recorded before: a lead that had accepted keeps the due time it was told (48 hours after it
            // accepted); a lead that had not accepted gets its due time when it accepts, by the old rule (Situation.Accept).
            migrationBuilder.Sql(
                "UPDATE assignments SET \"UpdateDueAt\" = (SELECT s.\"UpdateDueAt\" FROM situations s WHERE s.\"Id\" = assignments.\"SituationId\") " +
                "WHERE \"Role\" = 'Lead';");

            migrationBuilder.DropColumn(
                name: "UpdateDueAt",
                table: "situations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UpdateDueAt",
                table: "situations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql(
                "UPDATE situations SET \"UpdateDueAt\" = (SELECT a.\"UpdateDueAt\" FROM assignments a " +
                "WHERE a.\"SituationId\" = situations.\"Id\" AND a.\"Role\" = 'Lead' AND a.\"State\" = 'Accepted' LIMIT 1);");

            migrationBuilder.DropColumn(
                name: "AerMet",
                table: "situations");

            migrationBuilder.DropColumn(
                name: "PeopleCount",
                table: "situations");

            migrationBuilder.DropColumn(
                name: "ServiceIds",
                table: "situation_updates");

            migrationBuilder.DropColumn(
                name: "ReleasedAt",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "ReleasedByEmail",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "UpdateDueAt",
                table: "assignments");

        }
    }
}
