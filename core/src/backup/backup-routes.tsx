import type { CoreServices } from '../app/services.ts';
import type { ScreenRouter } from '../http/screen-router.ts';
import { isHtmx, renderPage } from '../ui/render.tsx';
import { backupRunStore } from './backup-runs.ts';
import type { BackupService } from './backup-service.ts';
import { BackupProgress, BackupsPage } from './backups-page.tsx';

const meta = { permission: 'platform.admin', dataClass: 'general' } as const;

/** The platform's backups screen: the last runs, the next scheduled one, and "Fazer backup agora". */
export function backupRoutes(router: ScreenRouter, services: CoreServices, backups: BackupService): void {
  services.ui.addNav({ label: 'Backups', href: '/plataforma/backups', permission: 'platform.admin', section: 'admin', order: 95 });
  const { backup } = services.config;

  router.get('/plataforma/backups', { ...meta, screen: 'Backups' }, async (c) => {
    const [runs, active, nextRun] = await c.get('tx')(
      async (tx) => [await backupRunStore.latest(tx, 30), await backupRunStore.active(tx), await backups.nextRun(tx)] as const,
    );
    return renderPage(c, {
      title: 'Backups',
      body: (
        <BackupsPage
          runs={runs}
          active={active}
          nextRun={nextRun}
          schedule={backup.schedule}
          dir={backup.dir}
          encrypted={backup.encryptionKey !== undefined}
          retention={{ keepDaily: backup.keepDaily, keepWeekly: backup.keepWeekly }}
        />
      ),
    });
  });

  router.get('/plataforma/backups/andamento', { ...meta, screen: 'Andamento do backup' }, async (c) => {
    const active = await c.get('tx')((tx) => backupRunStore.active(tx));
    // When the run ends, the whole page reloads to show it in the list.
    if (!active && isHtmx(c)) {
      c.header('HX-Refresh', 'true');
      return c.html(<BackupProgress run={undefined} />);
    }
    return c.html(<BackupProgress run={active} />);
  });

  router.post('/plataforma/backups', { ...meta, screen: 'Fazer backup agora' }, async (c) => {
    const user = c.get('actor').user!;
    const outcome = await backups.request(user, { ip: c.get('clientIp'), requestId: c.get('requestId') });
    if ('busy' in outcome) {
      await c.get('flash')('Já há um backup em andamento: acompanhe o progresso abaixo.', 'error');
    } else {
      await c.get('flash')('Backup na fila: ele começa em instantes e o progresso aparece abaixo.', 'success');
    }
    return c.redirect('/plataforma/backups', 303);
  });
}
