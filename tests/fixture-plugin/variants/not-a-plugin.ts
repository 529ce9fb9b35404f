/** A package whose default export is not definePlugin(...). */
export default { id: 'not-a-plugin', register() {} };
