/** Deterministic, realistic-looking pt-BR names, places and valid CNPJs for the large seed. */
import { formatCnpj, isValidCnpj } from '../parsing/index.ts';

export const CITIES: ReadonlyArray<readonly [string, string]> = [
  ['São Paulo', 'SP'], ['Campinas', 'SP'], ['Santos', 'SP'], ['Ribeirão Preto', 'SP'], ['Sorocaba', 'SP'],
  ['São José dos Campos', 'SP'], ['Bauru', 'SP'], ['Piracicaba', 'SP'], ['Rio de Janeiro', 'RJ'], ['Niterói', 'RJ'],
  ['Petrópolis', 'RJ'], ['Volta Redonda', 'RJ'], ['Belo Horizonte', 'MG'], ['Uberlândia', 'MG'], ['Juiz de Fora', 'MG'],
  ['Montes Claros', 'MG'], ['Curitiba', 'PR'], ['Londrina', 'PR'], ['Maringá', 'PR'], ['Cascavel', 'PR'],
  ['Porto Alegre', 'RS'], ['Caxias do Sul', 'RS'], ['Pelotas', 'RS'], ['Santa Maria', 'RS'], ['Florianópolis', 'SC'],
  ['Joinville', 'SC'], ['Blumenau', 'SC'], ['Chapecó', 'SC'], ['Salvador', 'BA'], ['Feira de Santana', 'BA'],
  ['Vitória da Conquista', 'BA'], ['Recife', 'PE'], ['Caruaru', 'PE'], ['Fortaleza', 'CE'], ['Sobral', 'CE'],
  ['Natal', 'RN'], ['Mossoró', 'RN'], ['João Pessoa', 'PB'], ['Campina Grande', 'PB'], ['Maceió', 'AL'],
  ['Aracaju', 'SE'], ['Teresina', 'PI'], ['São Luís', 'MA'], ['Imperatriz', 'MA'], ['Belém', 'PA'],
  ['Santarém', 'PA'], ['Manaus', 'AM'], ['Porto Velho', 'RO'], ['Rio Branco', 'AC'], ['Boa Vista', 'RR'],
  ['Macapá', 'AP'], ['Palmas', 'TO'], ['Goiânia', 'GO'], ['Anápolis', 'GO'], ['Brasília', 'DF'],
  ['Cuiabá', 'MT'], ['Rondonópolis', 'MT'], ['Campo Grande', 'MS'], ['Dourados', 'MS'], ['Vitória', 'ES'],
];

const RESELLER_PREFIXES = ['', 'Regional ', 'Vale do ', 'Alto ', 'Litoral ', 'Centro ', 'Norte ', 'Sul '];
const CLINIC_TYPES = ['Clínica', 'Consultório', 'Centro Médico', 'Policlínica', 'Instituto', 'Espaço', 'Núcleo', 'Clínica Integrada'];
const CLINIC_NAMES = [
  'São Lucas', 'Santa Helena', 'Bom Jesus', 'Vida Plena', 'Nova Esperança', 'Santa Clara', 'São Camilo', 'Dr. Paulo Mendes',
  'Dra. Ana Conceição', 'Dra. Helena Prado', 'Dr. Ricardo Alves', 'Bem Estar', 'Saúde Total', 'Renascer', 'Aliança', 'Horizonte',
  'Sorriso', 'Coração', 'Mãe e Filho', 'Família', 'Dr. João Batista', 'Dra. Márcia Ribeiro', 'Santa Mônica', 'São Rafael',
];
const SPECIALTIES = ['Pediatria', 'Cardiologia', 'Ortopedia', 'Dermatologia', 'Ginecologia', 'Oftalmologia', 'Psicologia', 'Fisioterapia', 'Odontologia', 'Nutrição'];
const DISTRICTS = ['Centro', 'Jardim América', 'Vila Nova', 'Boa Vista', 'Santa Cruz', 'Alvorada', 'Bela Vista', 'São José', 'Primavera', 'Aeroporto'];

export const FIRST_NAMES = [
  'Ana', 'Maria', 'Juliana', 'Fernanda', 'Patrícia', 'Camila', 'Beatriz', 'Luciana', 'Mariana', 'Aline', 'Carla', 'Renata',
  'João', 'José', 'Carlos', 'Paulo', 'Lucas', 'Pedro', 'Marcos', 'Rafael', 'Gabriel', 'Rodrigo', 'André', 'Felipe',
];
export const LAST_NAMES = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Ferreira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Carvalho',
  'Araújo', 'Ribeiro', 'Gomes', 'Martins', 'Rocha', 'Barbosa', 'Melo', 'Cardoso', 'Teixeira', 'Conceição', 'Moreira', 'Mendes',
];

/** A small integer hash, so names look mixed without randomness (the seed is reproducible). */
export function mix(n: number, salt: number): number {
  let x = (n + 1) * 2654435761 + salt * 40503;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 2246822519) >>> 0;
  return (x ^ (x >>> 13)) >>> 0;
}

const pick = <T>(list: readonly T[], n: number, salt: number): T => list[mix(n, salt) % list.length] as T;

export function resellerName(index: number): { name: string; city: readonly [string, string] } {
  const city = CITIES[index % CITIES.length]!;
  const prefix = RESELLER_PREFIXES[Math.floor(index / CITIES.length) % RESELLER_PREFIXES.length]!;
  const round = Math.floor(index / (CITIES.length * RESELLER_PREFIXES.length));
  return { name: `Unimed ${prefix}${city[0]}${round > 0 ? ` ${round + 1}` : ''}`, city };
}

export function clinicName(index: number): string {
  const base = `${pick(CLINIC_TYPES, index, 1)} ${pick(CLINIC_NAMES, index, 2)}`;
  const kind = mix(index, 3) % 4;
  if (kind === 0) return `${base} ${pick(SPECIALTIES, index, 4)}`;
  if (kind === 1) return `${base} — ${pick(DISTRICTS, index, 5)}`;
  if (kind === 2) return `${base} ${pick(SPECIALTIES, index, 4)} — ${pick(DISTRICTS, index, 5)}`;
  return base;
}

/** The clinic's city: mostly its singular's home city, else another city of the same state. */
export function clinicCity(index: number, home: readonly [string, string]): readonly [string, string] {
  if (mix(index, 6) % 10 < 7) return home;
  const sameState = CITIES.filter((c) => c[1] === home[1]);
  return pick(sameState, index, 7);
}

function checkDigit(body: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((w, i) => {
    sum += Number(body[i]) * w;
  });
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** A valid CNPJ for a seeded clinic: root 7xxxxxxx (distinct per index), branch 0001. */
export function seedCnpj(index: number): string {
  const body = `${String(70_000_000 + index).padStart(8, '0')}0001`;
  const first = checkDigit(body, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(`${body}${first}`, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const cnpj = `${body}${first}${second}`;
  if (!isValidCnpj(cnpj)) throw new Error(`generated an invalid CNPJ ${formatCnpj(cnpj)}`);
  return cnpj;
}
