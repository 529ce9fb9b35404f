/** Realistic legacy values (accents, commas, semicolons and line breaks inside text) and the defective ones. */
import { pick } from './random.ts';

const FIRST = ['José', 'Maria', 'João', 'Ana', 'Antônio', 'Francisca', 'Conceição', 'Luís', 'Márcia', 'Sebastião', 'Gonçalo', 'Inês', 'Cláudio', 'Luíza', 'Raí'];
const LAST = ['da Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Conceição', 'Araújo', 'Gonçalves', 'Lima', 'Ribeiro', "D'Ávila", 'Müller'];
const STREETS = ['Rua XV de Novembro', 'Av. Getúlio Vargas', 'Rua São João', 'Travessa Açores', 'Rodovia SC-401, km 4'];
const CITIES = [['Florianópolis', 'SC', '48'], ['São Paulo', 'SP', '11'], ['Chapecó', 'SC', '49'], ['Porto Alegre', 'RS', '51'], ['Belém', 'PA', '91']] as const;
const SEXES = ['M', 'F', 'Masculino', 'Feminino', 'masc', 'FEM', 'f', 'm'];

export const name = (r: () => number) => `${pick(r, FIRST)} ${pick(r, LAST)}`;

/** A valid CPF, unique per index i (the 9 base digits are 100000007 + 3i, never all equal). */
export function cpf(i: number, formatted: boolean): string {
  const base = String(100000007 + i * 3);
  let digits = base;
  for (const n of [9, 10]) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += Number(digits[k]) * (n + 1 - k);
    digits += String(((sum * 10) % 11) % 10);
  }
  return formatted ? `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}-${digits.slice(9)}` : digits;
}

const two = (n: number) => String(n).padStart(2, '0');
export const birthDate = (r: () => number) => `${two(1 + Math.floor(r() * 28))}/${two(1 + Math.floor(r() * 12))}/${1930 + Math.floor(r() * 90)}`;
export const dateTime = (r: () => number) => `${two(1 + Math.floor(r() * 28))}/${two(1 + Math.floor(r() * 12))}/${2015 + Math.floor(r() * 10)} ${two(7 + Math.floor(r() * 12))}:${pick(r, ['00', '15', '30', '45'])}`;
export const sexo = (r: () => number) => pick(r, SEXES);
export const city = (r: () => number) => pick(r, CITIES);
export const street = (r: () => number) => `${pick(r, STREETS)}, ${1 + Math.floor(r() * 2000)}`;
export const phone = (ddd: string, r: () => number) => `(${ddd}) 3${Math.floor(100 + r() * 899)}-${Math.floor(1000 + r() * 8999)}`;
export const mobile = (ddd: string, r: () => number) => `(${ddd}) 9${Math.floor(8000 + r() * 1999)}-${Math.floor(1000 + r() * 8999)}`;
export const email = (n: string, i: number) =>
  `${n.normalize('NFD').replace(/[^a-zA-Z ]/g, '').trim().toLowerCase().replace(/\s+/g, '.')}${i}@exemplo.com.br`;
export const note = (r: () => number) =>
  pick(r, ['', '', '', 'Alergia a dipirona; evitar AINEs', 'Paciente "VIP", prefere manhã', 'Retorno em 30 dias\r\nTrazer exames', 'Obs.: hipertenso, diabético']);

export const BAD = {
  cpf: ['123.456.789-00', '111.111.111-11', '123.456.789', 'abc.def.ghi-jk', '00000000000', '529.982.247-26'],
  date: ['31/02/1985', '00/00/0000', '1985-13-01', '32/01/1990', 'ontem', '29/02/2023'],
  dateTime: ['31/02/2024 10:00', '10/03/2024 25:00', '00/00/0000 00:00', 'amanhã cedo'],
  sexo: ['X', 'Outro?', '2', 'Mascu'],
  email: ['maria@', 'joao.silva.com', 'a b@exemplo.com', 'x@y', 'ana@@exemplo.com'],
  phone: ['(20) 3333-4444', '1234', '(11) 8888-77', '(48) 8999-99999', '(00) 99999-8888'],
  name: ['12345', '---', '?'],
} as const;
