/**
 * A valid row's values in one normal form per field kind, for loading: dates as aaaa-mm-dd, date-times
 * as aaaa-mm-ddThh:mm, times as hh:mm, CPF and phones as digits (several phones comma-separated), sexo as M/F, situação as its known
 * name, e-mail lower-cased, everything else trimmed. Blank values are left out.
 */
import { parseSexo } from '../prevalidation/checks/sexo.ts';
import { parseSituacao } from '../prevalidation/checks/situacao.ts';
import type { FieldDef } from '../prevalidation/entities.ts';
import type { Cell } from '../prevalidation/readers/source.ts';

const pad = (n: number | string, w = 2) => String(n).padStart(w, '0');
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2}))?/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2}))?/;
const TIME = /^(\d{1,2}):(\d{2})/;

/** An Excel serial day number (1900 system) as a UTC date. */
const fromSerial = (n: number) => new Date(Math.round((n - 25569) * 86_400_000));

function dateParts(cell: Cell): { day: string; time: string | null } | null {
  if (cell instanceof Date || typeof cell === 'number') {
    const d = cell instanceof Date ? cell : fromSerial(cell);
    const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    return { day, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
  }
  const v = String(cell).trim();
  const dmy = DMY.exec(v);
  if (dmy) return { day: `${dmy[3]}-${pad(dmy[2]!)}-${pad(dmy[1]!)}`, time: dmy[4] ? `${pad(dmy[4])}:${dmy[5]}` : null };
  const ymd = YMD.exec(v);
  if (ymd) return { day: `${ymd[1]}-${pad(ymd[2]!)}-${pad(ymd[3]!)}`, time: ymd[4] ? `${pad(ymd[4])}:${ymd[5]}` : null };
  return null;
}

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

/** The normal form of one value of a field ('' for a blank). */
export function normalise(def: FieldDef, cell: Cell): string {
  const text = cellText(cell);
  if (text === '') return '';
  switch (def.kind) {
    case 'data':
      return dateParts(cell)?.day ?? text;
    case 'data_hora': {
      const p = dateParts(cell);
      return p ? `${p.day}T${p.time ?? '00:00'}` : text;
    }
    case 'hora': {
      if (cell instanceof Date) return `${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}`;
      if (typeof cell === 'number') {
        const minutes = Math.round(cell * 1440);
        return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
      }
      const t = TIME.exec(text);
      return t ? `${pad(t[1]!)}:${t[2]}` : text;
    }
    case 'cpf':
      return typeof cell === 'number' ? pad(cell, 11) : text.replace(/\D/g, '');
    case 'telefone':
      return text
        .split(/[/,;]/)
        .map((n) => n.replace(/\D/g, ''))
        .filter((n) => n !== '')
        .join(',');
    case 'sexo':
      return parseSexo(text) ?? text;
    case 'situacao':
      return parseSituacao(text) ?? text;
    case 'email':
      return text.toLowerCase();
    default:
      return text;
  }
}
