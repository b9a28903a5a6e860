// The one way the tabs write a date or a time (the page's only use of Intl's dates): the cards' long family
// (TableTime on the host), so a day reads the same on a card, in a tab and in the dashboard's CSV.
//   en-CA: "Monday 2 March 2026", "Monday 2 March 2026, 9:00 a.m. (Toronto time)", "9:00 a.m. (Toronto time)"
//   fr-CA: "lundi 2 mars 2026", "mardi 1er décembre 2026 à 9 h 00 (heure de Toronto)", "9 h 00 (heure de Toronto)"
// French writes the first of the month as an ordinal ("1er", OQLF), which Intl does not. Every instant is written on
// the table's clock (an IANA zone, America/Toronto for FOCUS Toronto), never the browser's, and says which clock.
// The time of day is joined with no-break spaces, so "9:00 a.m." or "9 h 00" never wraps.

const NBSP = '\u00a0';

/** The calendar day and time of an instant on a zone's clock: { year, month (1-12), day, hour (0-23), minute }. */
export function partsIn(instant, timeZone) {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
  });
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
}

/**
 * The tab's date writer for a language (en-CA or fr-CA); t is the page's strings (app.dayAndTime, app.zoneTime).
 * day(text): a day written yyyy-MM-dd; moment(instant, zone): an instant (ISO text or Date) on the zone's clock, zone
 * named; time(instant, zone): its time of day only, zone named.
 */
export function tabDates(language, t) {
  const french = language.toLowerCase().startsWith('fr');
  const names = (options) => new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
  const weekday = names({ weekday: 'long' });
  const monthName = names({ month: 'long' });

  function calendarDay(year, month, day) {
    const noon = new Date(Date.UTC(year, month - 1, day, 12));
    const number = french && day === 1 ? '1er' : String(day);
    return `${weekday.format(noon)} ${number} ${monthName.format(noon)} ${year}`;
  }

  function clock(hour, minute) {
    const mm = String(minute).padStart(2, '0');
    if (french) return `${hour}${NBSP}h${NBSP}${mm}`;
    return `${hour % 12 === 0 ? 12 : hour % 12}:${mm}${NBSP}${hour < 12 ? 'a.m.' : 'p.m.'}`;
  }

  const city = (timeZone) => timeZone.slice(timeZone.lastIndexOf('/') + 1).replace(/_/g, ' ');

  return {
    day(text) {
      const [year, month, day] = text.split('-').map(Number);
      return calendarDay(year, month, day);
    },
    moment(instant, timeZone) {
      const p = partsIn(instant, timeZone);
      return t('app.zoneTime', { time: t('app.dayAndTime', { day: calendarDay(p.year, p.month, p.day), time: clock(p.hour, p.minute) }), city: city(timeZone) });
    },
    time(instant, timeZone) {
      const p = partsIn(instant, timeZone);
      return t('app.zoneTime', { time: clock(p.hour, p.minute), city: city(timeZone) });
    },
  };
}
