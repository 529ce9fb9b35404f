import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import { notifications } from '../db/schema/index.ts';
import type { Db } from '../db/types.ts';

export interface NewNotification {
  userId: number;
  kind: string;
  title: string;
  body?: string | undefined;
  link?: string | undefined;
  resellerId?: number | undefined;
  clinicId?: number | undefined;
}

/** In-app notifications (the bell). Stored in a table a mailer can also drain (`emailed_at`). */
export class Notifications {
  constructor(private readonly clock: Clock) {}

  async notify(tx: Db, items: NewNotification[]): Promise<void> {
    if (items.length === 0) return;
    const createdAt = this.clock.now();
    await tx.insert(notifications).values(items.map((i) => ({ ...i, createdAt })));
  }

  async unreadCount(tx: Db, userId: number): Promise<number> {
    const [row] = await tx
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return Number(row?.n ?? 0);
  }

  async list(tx: Db, userId: number, limit = 50) {
    return tx
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit);
  }

  async markAllRead(tx: Db, userId: number): Promise<void> {
    await tx
      .update(notifications)
      .set({ readAt: this.clock.now() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  }

  async markRead(tx: Db, userId: number, id: number): Promise<void> {
    await tx
      .update(notifications)
      .set({ readAt: this.clock.now() })
      .where(and(eq(notifications.userId, userId), eq(notifications.id, id)));
  }
}
