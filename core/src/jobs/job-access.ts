import type { Actor } from '../policy/actor.ts';
import type { Decision } from '../policy/decision.ts';
import { notFound } from '../policy/decision.ts';
import { decide } from '../policy/policy.ts';
import type { JobView } from './types.ts';

type JobScope = Pick<JobView, 'resellerId' | 'clinicId' | 'userId'>;

/** May the actor see this job's progress? A platform job (no tenant): platform admins only. */
export function decideJobView(actor: Actor, job: JobScope): Decision {
  if (job.resellerId === null) return actor.user?.kind === 'platform_admin' ? decide(actor, 'jobs.view') : notFound;
  return decide(actor, 'jobs.view', { resellerId: job.resellerId, clinicId: job.clinicId ?? undefined });
}

/** May the actor cancel it? Whoever enqueued it, or who `jobs.cancel` allows for its tenant. */
export function decideJobCancel(actor: Actor, job: JobScope): Decision {
  const view = decideJobView(actor, job);
  if (view.kind !== 'allow') return view;
  if (job.userId !== null && actor.user?.id === job.userId && actor.user.kind !== 'support_agent') return view;
  if (job.resellerId === null) return decide(actor, 'jobs.cancel');
  return decide(actor, 'jobs.cancel', { resellerId: job.resellerId, clinicId: job.clinicId ?? undefined });
}

export const canViewJob = (actor: Actor, job: JobScope): boolean => decideJobView(actor, job).kind === 'allow';
export const canCancelJob = (actor: Actor, job: JobScope): boolean => decideJobCancel(actor, job).kind === 'allow';
