import { readFileSync } from 'node:fs';
import { type CoreServices, type DemoLogin, schema as core } from '@painel/core/module';
import { eq } from 'drizzle-orm';
import { isKnownArticleSlug } from '../articles/index.ts';
import { achievementKeys } from '../panel/achievement-keys.ts';
import { setTaskDone } from '../panel/progress-store.ts';
import { registerBuiltinDefaultTrack } from '../tracks/builtin-default-track.ts';
import { publishVersion } from '../tracks/publish-version.ts';
import { PLATFORM_TRACK_ID, platformTrack } from '../tracks/track-ref.ts';
import { createTrack, getVersion, insertVersion } from '../tracks/version-store.ts';
import { validateConquistas } from '../validation/index.ts';

const demoFile = (name: string) => readFileSync(new URL(name, import.meta.url));

function parse(name: string) {
  const bytes = demoFile(name);
  const result = validateConquistas(bytes, { isKnownArticleSlug });
  if (!result.ok) throw new Error(`Demo file ${name} is invalid: ${JSON.stringify(result.errors)}`);
  return { ...result, text: new TextDecoder().decode(bytes) };
}

/**
 * Demo content (runs after the tenants' seed): the platform's default track (published); Singular
 * Demo's track from the seed article's example, published to all its bases, plus a second DRAFT
 * version; and partial progress for medico@demo.test in Clínica Demo Centro.
 */
export async function seedContentDemo(services: CoreServices): Promise<DemoLogin[]> {
  const at = services.clock.now();
  await services.db.scoped({ kind: 'platform' }, async (tx) => {
    await registerBuiltinDefaultTrack(tx, { userId: null, name: 'Plataforma' }, at);

    const [reseller] = await tx.select({ id: core.resellers.id }).from(core.resellers).where(eq(core.resellers.code, '0101'));
    const [admin] = await tx.select({ id: core.users.id, name: core.users.name }).from(core.users).where(eq(core.users.email, 'singular@demo.test'));
    const [medico] = await tx.select({ id: core.users.id }).from(core.users).where(eq(core.users.email, 'medico@demo.test'));
    if (!reseller || !admin) return;
    const author = { userId: admin.id, name: admin.name };
    const name = 'Processos da Singular Demo';
    const trackId = await createTrack(tx, reseller.id, name, admin.id, at);
    const ref = { owner: 'reseller', resellerId: reseller.id, trackId } as const;
    const previewText = 'Vídeos preparados pela Singular Demo sobre autorização de guias, faturamento e exames no prontuário eletrônico.';
    for (const [file, preview] of [
      ['singular-demo-v1.txt', previewText],
      ['singular-demo-v2.txt', `${previewText} Nova etapa: faturamento avançado.`],
    ] as const) {
      const parsed = parse(file);
      await insertVersion(
        tx,
        ref,
        {
          sourceText: parsed.text,
          fileName: file.replace('singular-demo-', 'conquistas-'),
          track: parsed.track,
          previewText: preview,
          notices: parsed.notices,
          restoredFrom: null,
          createdByUserId: admin.id,
          createdByName: admin.name,
        },
        at,
      );
      if (file.endsWith('v1.txt')) {
        const published = await publishVersion(services, tx, { ref, trackName: name, version: 1, targets: { kind: 'all' }, author });
        if (!published.ok) throw new Error(published.message);
      }
    }

    if (!medico) return;
    const owner = { resellerId: reseller.id, clinicId: 1001, userId: medico.id };
    const defaultVersion = await getVersion(tx, platformTrack, 1);
    if (defaultVersion) {
      const [firstStage] = achievementKeys(defaultVersion.track);
      const secondTask = defaultVersion.track.achievements[0]?.tasks[1];
      if (firstStage && secondTask) {
        await setTaskDone(tx, owner, { trackId: PLATFORM_TRACK_ID, achievementKey: firstStage, taskKey: secondTask.key }, true, at);
      }
    }
    const v1 = await getVersion(tx, ref, 1);
    const [achievement] = v1 ? achievementKeys(v1.track) : [];
    const firstTask = v1?.track.achievements[0]?.tasks[0];
    if (achievement && firstTask) {
      await setTaskDone(tx, owner, { trackId, achievementKey: achievement, taskKey: firstTask.key }, true, at);
    }
  });
  return [];
}
