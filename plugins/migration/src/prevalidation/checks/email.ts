/** E-mail addresses: one @, a local part and a domain with a dot, no spaces. */
const EMAIL = /^[^\s@,;<>()[\]"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i;

export const validEmail = (value: string) => {
  const v = value.trim();
  return v.length <= 254 && !v.includes('..') && EMAIL.test(v);
};
