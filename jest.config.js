/** @type {import('jest').Config} */
const project = (name, extra = {}) => ({
  displayName: name,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testEnvironment: 'node',
  // adaptivecards' lib/ is extensionless ESM that Node cannot load; dist/ is the same library as UMD.
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
  ...extra,
});

module.exports = {
  projects: [project('unit'), project('integration'), project('e2e')],
};
