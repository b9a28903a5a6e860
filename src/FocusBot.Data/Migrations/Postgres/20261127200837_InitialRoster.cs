using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocusBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialRoster : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agencies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Sector = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EmailDomains = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReferenceJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversations", x => new { x.Kind, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    AadObjectId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    AgencyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TableIds = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members", x => x.Email);
                });

            migrationBuilder.CreateTable(
                name: "table_channels",
                columns: table => new
                {
                    TableId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChannelKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_table_channels", x => x.TableId);
                });

            migrationBuilder.CreateTable(
                name: "tables",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Divisions = table.Column<List<string>>(type: "text[]", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Meeting_Day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Meeting_Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Meeting_Minutes = table.Column<int>(type: "integer", nullable: false),
                    Meeting_Organizer = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Meeting_RemindBefore = table.Column<List<TimeSpan>>(type: "interval[]", nullable: false),
                    Meeting_CalendarEventId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tables", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_members_AadObjectId",
                table: "members",
                column: "AadObjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tables_Code",
                table: "tables",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agencies");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "table_channels");

            migrationBuilder.DropTable(
                name: "tables");
        }
    }
}
