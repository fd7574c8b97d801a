import { referralsModule } from '../referrals-module.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

export const auditModule = referralsModule({
  id: 'audit',
  entities: [AuditEntryEntity],
  resolvers: [AuditResolver],
});
