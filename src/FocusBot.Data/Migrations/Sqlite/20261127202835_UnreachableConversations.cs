using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocusBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnreachableConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UnreachableReason",
                table: "conversations",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UnreachableSince",
                table: "conversations",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UnreachableReason",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "UnreachableSince",
                table: "conversations");
        }
    }
}
