// An admin adds a closed date and changes Monday's hours in the settings screen; the queue's
// due time of an open ticket moves later accordingly (GET /queue's `sla.due_at`, the operator
// desk's figure), and comes back once the hours are restored. The shared server's opening
// hours are put back as they were at the end, whatever happens.
// The first weekday (Monday to Friday) after today, as YYYY-MM-DD (UTC calendar).
function nextWeekday() {
  const day = new Date();
  do day.setUTCDate(day.getUTCDate() + 1); while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return day.toISOString().slice(0, 10);
}

export default {
  name: 'admin-hours-queue',
  async run(t) {
    const boss = await t.api.admin();
    const before = (await boss.get('/admin/settings/opening_hours')).body;
    const zoe = await t.api.signup({ name: 'Zoé Horaires', email: `hours.${Date.now()}@example.org` });
    const created = await zoe.post('/tickets', {
      subject: 'Backup drive not seen', description: 'Since the update.', category: 'hardware', criticality: 'low', language: 'en',
    }, { 'Idempotency-Key': `hours-${Date.now()}` });
    const ticketId = created.body.ticket.id;
    const dueOf = async () => {
      const queue = await boss.get('/queue?limit=500');
      const entry = queue.body.tickets.find((x) => x.id === ticketId);
      return entry && entry.sla ? entry.sla.due_at : null;
    };
    const dueBefore = await dueOf();
    const closed = nextWeekday();
    try {
      const page = await t.signedInPage(boss, '/admin/settings');
      const app = t.driver(page);
      await app.ready('admin_settings');
      await app.waitFor('the settings', (s) => s.admin.settings_loaded);
      await app.replace('settings.hours.monday', '10:00-12:00');
      await app.type('settings.closed_date', closed);
      await app.click('settings.closed_date.add');
      let s = await app.waitFor('the closed date in the form', (st) => st.admin.closed_dates.includes(closed));
      await app.scrollIntoView('settings.opening_hours.save');
      await app.screenshot('hours-edited');
      await app.click('settings.opening_hours.save');
      s = await app.waitFor('the hours saved', (st) => st.admin.saved_part === 'opening_hours' && !st.busy);
      const stored = (await boss.get('/admin/settings/opening_hours')).body;
      t.check('Monday\'s hours are stored', stored.weekly.monday.length === 1 && stored.weekly.monday[0].opens === '10:00' &&
              stored.weekly.monday[0].closes === '12:00',
              JSON.stringify(stored.weekly.monday));
      t.check('the closed date is stored', stored.closed_dates.includes(closed), JSON.stringify(stored.closed_dates));
      t.check('no text is missing', s.missing_texts.length === 0, JSON.stringify(s.missing_texts));
      if (dueBefore === null) {
        t.log('admin-hours-queue: GET /queue gives no `sla` yet (the operator desk adds it); due times not compared');
        return;
      }
      const dueAfter = await dueOf();
      t.log(`admin-hours-queue: due ${new Date(dueBefore * 1000).toISOString()} -> ${new Date(dueAfter * 1000).toISOString()}`);
      t.check('the queue\'s due time moves later with a closed day and shorter Mondays', dueAfter > dueBefore,
              `${dueBefore} -> ${dueAfter}`);
    } finally {
      const restored = await boss.request('PUT', '/admin/settings/opening_hours', before);
      t.check('the opening hours are restored', restored.status === 200, JSON.stringify(restored.body));
      if (dueBefore !== null) t.check('the due time comes back with them', (await dueOf()) === dueBefore);
      await zoe.post(`/tickets/${ticketId}/actions`, { action: 'withdraw' });  // out of the others' queues
    }
  },
};
