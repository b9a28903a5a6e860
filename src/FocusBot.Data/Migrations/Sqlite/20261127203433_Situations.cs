using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocusBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Situations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "situation_cards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SituationId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_situation_cards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "situation_counters",
                columns: table => new
                {
                    TableCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_situation_counters", x => new { x.TableCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "situations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TableId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TypeId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgeGroupId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GenderId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OriginatingAgencyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DiscussedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OutcomeId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ConcludedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeadAcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdateDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    RiskFactorIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_situations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RespondedByEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SituationId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignments_situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "situation_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AgencyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SituationId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_situation_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_situation_events_situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "situation_updates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ByEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    KindId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsFortyEightHourUpdate = table.Column<bool>(type: "INTEGER", nullable: false),
                    WasOnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    SituationId = table.Column<string>(type: "TEXT", nullable: true),
                    BarrierIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_situation_updates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_situation_updates_situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_AgencyId",
                table: "assignments",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_SituationId",
                table: "assignments",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_situation_cards_SituationId",
                table: "situation_cards",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_situation_events_SituationId",
                table: "situation_events",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_situation_updates_SituationId",
                table: "situation_updates",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_situations_TableId_Status",
                table: "situations",
                columns: new[] { "TableId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignments");

            migrationBuilder.DropTable(
                name: "situation_cards");

            migrationBuilder.DropTable(
                name: "situation_counters");

            migrationBuilder.DropTable(
                name: "situation_events");

            migrationBuilder.DropTable(
                name: "situation_updates");

            migrationBuilder.DropTable(
                name: "situations");
        }
    }
}
