-- Jobspor's office schema, part 3: what each role may do at all (row-level
-- security then narrows it to rows). Caseworkers log in as their own role,
-- a member of jobspor_staff; leads are also members of jobspor_lead.
-- Nobody gets DELETE: deletes are soft and travel as changes.
GRANT USAGE ON SCHEMA jobspor TO jobspor_staff, jobspor_lead;

GRANT SELECT, INSERT, UPDATE ON citizens, progress, conversations, job_goals, openings, track_changes,
    upskillings, educations, company_efforts, temp_agencies, reception_steps, benefit_cases, notices,
    youth_flags, case_closings, applications, conversation_jobs,
    jobs, prospect_editions, prospects, caseworkers, postcodes, related_titles TO jobspor_staff;
-- Notes are append-only: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON note TO jobspor_staff;
GRANT SELECT, INSERT, UPDATE ON applied_op, conflict TO jobspor_staff;
GRANT USAGE ON SEQUENCE conflict_id_seq TO jobspor_staff;
GRANT SELECT ON history, visibility, cover, staff, office_setting, audit, access TO jobspor_staff;
GRANT UPDATE ON office_setting TO jobspor_lead;

-- Office figures (aggregates, no names, no CPR) and each caseworker's last sync: leads only.
GRANT SELECT ON figures_by_caseworker, figures_conversations, staff_sync TO jobspor_lead;

REVOKE EXECUTE ON FUNCTION move_case(uuid, text), grant_cover(uuid, text, date, text), expire_cover(), synced(),
    audit_write(text, uuid, text), next_seq() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION move_case(uuid, text), grant_cover(uuid, text, date, text), expire_cover(), synced(), joined(text)
    TO jobspor_staff;
