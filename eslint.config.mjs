import next from "eslint-config-next";

const config = [
  { ignores: ["src/generated/**", ".next/**", "coverage/**", ".data/**", "next-env.d.ts"] },
  ...next,
];

export default config;
