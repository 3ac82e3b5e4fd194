/** @type {import('jest').Config} */
const project = (name, extra = {}) => ({
  displayName: name,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testEnvironment: 'node',
  ...extra,
});

module.exports = {
  projects: [project('unit'), project('integration'), project('e2e')],
};
