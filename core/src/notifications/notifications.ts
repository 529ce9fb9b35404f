import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import { dateOfEpochMs, epochMs, selectRows } from '../db/raw-rows.ts';
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
  /** When the event it tells of happened, if not now (demo data written after the fact). */
  at?: Date | undefined;
}

/** One line of the notifications page. */
export interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

interface ItemRow {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: number | string;
  read_at: number | string | null;
}

/**
 * In-app notifications (the bell). Stored in a table a mailer can also drain (`emailed_at`). The two
 * reads every signed-in page makes (the bell's count; the list on its page) are fixed statements.
 */
export class Notifications {
  constructor(private readonly clock: Clock) {}

  async notify(tx: Db, items: NewNotification[]): Promise<void> {
    if (items.length === 0) return;
    const now = this.clock.now();
    await tx.insert(notifications).values(items.map(({ at, ...i }) => ({ ...i, createdAt: at ?? now })));
  }

  async unreadCount(tx: Db, userId: number): Promise<number> {
    const [row] = await selectRows<{ n: number | string }>(tx, sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`);
    return Number(row?.n ?? 0);
  }

  async list(tx: Db, userId: number, limit = 50): Promise<NotificationItem[]> {
    const rows = await selectRows<ItemRow>(
      tx,
      sql`select id::text as id, kind, title, body, link, ${epochMs('created_at')} as created_at, ${epochMs('read_at')} as read_at
        from notifications where user_id = ${userId} order by created_at desc, id desc limit ${limit}`,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: dateOfEpochMs(r.created_at),
      readAt: r.read_at === null ? null : dateOfEpochMs(r.read_at),
    }));
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
