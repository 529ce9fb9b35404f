import pino, { type Logger } from 'pino';
import type { Config } from '../config/env.ts';

/** JSON logs; pretty-printed in development when stdout is a terminal. */
export function createLogger(config: Pick<Config, 'env' | 'logLevel'>): Logger {
  const pretty = config.env === 'development' && process.stdout.isTTY;
  return pino({
    level: config.env === 'test' ? 'silent' : config.logLevel,
    base: { app: 'painel-singular' },
    redact: { paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie'], remove: true },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}
