import { type CoreServices, type DemoLogin, demoPasswordHash, schema } from '@painel/core/module';

const { clinics, memberships, resellers, users } = schema;

/** Demo tenants: two singulares, their bases and one user of each kind (password demo1234). */
export async function seedTenantsDemo(services: CoreServices): Promise<DemoLogin[]> {
  const passwordHash = await demoPasswordHash(services);
  await services.db.scoped({ kind: 'platform' }, async (tx) => {
    const [demo] = await tx.insert(resellers).values({ code: '0101', name: 'Singular Demo' }).returning();
    const [vizinha] = await tx.insert(resellers).values({ code: '0202', name: 'Singular Vizinha' }).returning();
    await tx.insert(clinics).values([
      { resellerId: demo!.id, id: 1001, name: 'Clínica Demo Centro', cnpj: '11222333000181', city: 'São Paulo', uf: 'SP' },
      { resellerId: demo!.id, id: 1002, name: 'Clínica Demo Norte', city: 'Guarulhos', uf: 'SP' },
      { resellerId: demo!.id, id: 1003, name: 'Clínica Demo Sul', city: 'Santo André', uf: 'SP' },
      { resellerId: vizinha!.id, id: 2001, name: 'Clínica Vizinha Alfa', city: 'Campinas', uf: 'SP' },
      { resellerId: vizinha!.id, id: 2002, name: 'Clínica Vizinha Beta', city: 'Sorocaba', uf: 'SP' },
    ]);
    const people = await tx
      .insert(users)
      .values([
        { email: 'singular@demo.test', name: 'Sílvia Singular', kind: 'reseller_admin', resellerId: demo!.id, passwordHash },
        { email: 'vizinha@demo.test', name: 'Vera Vizinha', kind: 'reseller_admin', resellerId: vizinha!.id, passwordHash },
        { email: 'clinica@demo.test', name: 'Carla Gestora', kind: 'clinic_user', passwordHash },
        { email: 'medico@demo.test', name: 'Dr. Marcos Médico', kind: 'clinic_user', passwordHash },
        { email: 'suporte@demo.test', name: 'Sérgio Suporte', kind: 'support_agent', passwordHash },
      ])
      .returning({ id: users.id, email: users.email });
    const id = (email: string) => people.find((p) => p.email === email)!.id;
    await tx.insert(memberships).values([
      { resellerId: demo!.id, clinicId: 1001, userId: id('clinica@demo.test'), role: 'gestor' },
      { resellerId: demo!.id, clinicId: 1001, userId: id('medico@demo.test'), role: 'medico' },
      { resellerId: demo!.id, clinicId: 1002, userId: id('medico@demo.test'), role: 'medico' },
    ]);
  });
  return [
    { email: 'singular@demo.test', description: 'administradora da Singular Demo' },
    { email: 'vizinha@demo.test', description: 'administradora da Singular Vizinha' },
    { email: 'clinica@demo.test', description: 'gestora da Clínica Demo Centro' },
    { email: 'medico@demo.test', description: 'médico nas clínicas Demo Centro e Demo Norte (multi clínica)' },
    { email: 'suporte@demo.test', description: 'equipe de suporte' },
  ];
}
