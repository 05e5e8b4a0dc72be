import { createTestPlatform } from '/work/main/packages/server/src/testing/index.ts';
for (let i=0;i<3;i++){ const t=performance.now(); const p = await createTestPlatform(); console.log('create', performance.now()-t); const s=performance.now(); await p.signIn('demo-admin'); console.log('signin', performance.now()-s); await p.close(); }
