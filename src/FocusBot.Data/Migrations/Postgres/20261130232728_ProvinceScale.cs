using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocusBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProvinceScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_situations_TableId_Status",
                table: "situations");

            migrationBuilder.CreateIndex(
                name: "IX_situations_TableId_DiscussedOn",
                table: "situations",
                columns: new[] { "TableId", "DiscussedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_situations_TableId_Status_ConcludedAt",
                table: "situations",
                columns: new[] { "TableId", "Status", "ConcludedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_situations_TableId_DiscussedOn",
                table: "situations");

            migrationBuilder.DropIndex(
                name: "IX_situations_TableId_Status_ConcludedAt",
                table: "situations");

            migrationBuilder.CreateIndex(
                name: "IX_situations_TableId_Status",
                table: "situations",
                columns: new[] { "TableId", "Status" });
        }
    }
}
