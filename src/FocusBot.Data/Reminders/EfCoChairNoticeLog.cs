using FocusBot.Core.Reminders;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Data.Reminders;

public sealed class EfCoChairNoticeLog(FocusBotDbContext db) : ICoChairNoticeLog
{
    public async Task<bool> TryRecordAsync(string tableId, string subject, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.CoChairNotices.AnyAsync(n => n.TableId == tableId && n.Subject == subject, cancellationToken)) return false;
        var notice = new CoChairNotice { TableId = tableId, Subject = subject, ToldAt = now.ToUniversalTime() };
        db.CoChairNotices.Add(notice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance recorded it first: it does the telling.
            db.Entry(notice).State = EntityState.Detached;
            return false;
        }
    }

    public Task ForgetAsync(string tableId, string subject, CancellationToken cancellationToken) =>
        db.CoChairNotices.Where(n => n.TableId == tableId && n.Subject == subject).ExecuteDeleteAsync(cancellationToken);
}
